package id.smartcity.api;

/** The five dimensions of the yearly implementation evaluation. */
public enum EvaluationDimension {
    BASELINE, OUTPUT, OUTCOME, IMPACT, QUICK_WIN
}
