package id.smartcity.api;

/** An event about one region (or province): the code of the region it concerns. */
public interface RegionEvent {
    String code();
}
