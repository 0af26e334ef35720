package id.smartcity.projections.model;

import id.smartcity.api.PublishedFigureRecorded;

/** Keeps the published figures, one document per year, metric and source. */
public final class FigureProjector {

    public boolean apply(LedgerEvent event, ViewStore<PublishedFigureView> store) {
        if (!(event.payload() instanceof PublishedFigureRecorded figure)) {
            return false;
        }
        String id = PublishedFigureView.idOf(figure.year(), figure.metric(), figure.source());
        PublishedFigureView existing = store.find(id);
        if (existing != null && existing.position() >= event.position()) {
            return false;
        }
        store.save(id, new PublishedFigureView(id, figure.year(), figure.metric(), figure.value(), figure.source(),
                figure.publishedOn(), figure.note(), event.position()));
        return true;
    }
}
