package id.smartcity.projections.query;

import id.smartcity.projections.model.Phrase;
import id.smartcity.projections.reports.Report;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractHttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.NonNull;

/**
 * Writes a report's rows as CSV (RFC 4180): a header from the row's fields, lists joined with "; ", cells that a
 * spreadsheet would run as formulas made text.
 */
public class CsvReportConverter extends AbstractHttpMessageConverter<Report<?>> {
    public static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
    private static final String FORMULA_STARTS = "=+-@\t\r";

    public CsvReportConverter() {
        super(TEXT_CSV);
    }

    @Override
    protected boolean supports(@NonNull Class<?> type) {
        return Report.class.isAssignableFrom(type);
    }

    @Override
    protected Report<?> readInternal(@NonNull Class<? extends Report<?>> type, @NonNull HttpInputMessage input) {
        throw new HttpMessageNotReadableException("Reports are not read from CSV", input);
    }

    @Override
    protected void writeInternal(Report<?> report, @NonNull HttpOutputMessage output) throws IOException {
        write(report, new OutputStreamWriter(output.getBody(), StandardCharsets.UTF_8));
    }

    /** The report's rows as CSV, for HTTP and the command line alike. */
    public static void write(Report<?> report, Writer writer) throws IOException {
        List<?> rows = report.rows();
        if (!rows.isEmpty() && rows.get(0) instanceof Record first) {
            // Phrases (message codes for other languages) stay out: the CSV keeps its English columns as they were.
            RecordComponent[] columns = Arrays.stream(first.getClass().getRecordComponents())
                    .filter(column -> !column.getGenericType().getTypeName().contains(Phrase.class.getName()))
                    .toArray(RecordComponent[]::new);
            // Apache Commons CSV does the quoting of RFC 4180; it leaves the cell's text as it is.
            CSVPrinter csv = new CSVPrinter(writer, CSVFormat.RFC4180);
            csv.printRecord(Arrays.stream(columns).map(RecordComponent::getName));
            for (Object row : rows) {
                csv.printRecord(Arrays.stream(columns).map(column -> cell(value(column, row))));
            }
        }
        writer.flush();
    }

    private static Object value(RecordComponent column, Object row) {
        try {
            return column.getAccessor().invoke(row);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object cell(Object value) {
        if (value == null || value instanceof Number) {
            // A number (a negative one too) is data, not a formula a recorded name could smuggle in.
            return value;
        }
        String text;
        if (value instanceof Collection<?> list) {
            text = list.stream().map(String::valueOf).collect(Collectors.joining("; "));
        } else if (value instanceof Map<?, ?> map) {
            text = map.entrySet().stream().map(entry -> entry.getKey() + "=" + entry.getValue())
                    .collect(Collectors.joining("; "));
        } else {
            text = value.toString();
        }
        return neutralised(text);
    }

    /**
     * OWASP's advice against formula injection (CSV injection): a cell a spreadsheet would take as a formula (it
     * starts with =, +, -, @, a tab or a carriage return) gets a leading apostrophe, which makes it text. No CSV
     * Commons CSV has no option for it (nor did the other Java CSV libraries we looked at), so this one line does it.
     */
    static String neutralised(String text) {
        return !text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }
}
