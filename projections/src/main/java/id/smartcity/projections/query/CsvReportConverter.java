package id.smartcity.projections.query;

import id.smartcity.projections.reports.Report;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractHttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.NonNull;

/** Writes a report's rows as CSV (RFC 4180): a header from the row's fields, lists joined with "; ". */
public class CsvReportConverter extends AbstractHttpMessageConverter<Report<?>> {
    public static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

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
            RecordComponent[] columns = first.getClass().getRecordComponents();
            writer.write(java.util.Arrays.stream(columns).map(RecordComponent::getName)
                    .collect(Collectors.joining(",")) + "\r\n");
            for (Object row : rows) {
                StringBuilder line = new StringBuilder();
                for (int i = 0; i < columns.length; i++) {
                    if (i > 0) {
                        line.append(',');
                    }
                    line.append(cell(value(columns[i], row)));
                }
                writer.write(line.append("\r\n").toString());
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

    private static String cell(Object value) {
        if (value == null) {
            return "";
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
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
