package id.smartcity.projections.query;

import static org.assertj.core.api.Assertions.assertThat;

import id.smartcity.projections.reports.Report;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 16, row 3: every start OWASP lists is neutralised; numbers and other text are written as they are. */
class CsvReportConverterTest {
    record Row(String name, long count, List<String> notes) {
    }

    private static String csv(Row... rows) throws IOException {
        StringWriter out = new StringWriter();
        CsvReportConverter.write(new Report<>("test", null, null, 1, List.of(rows)), out);
        return out.toString();
    }

    @Test
    void cellsStartingAsFormulasAreWrittenAsText() throws IOException {
        assertThat(csv(new Row("=1+1", -3, List.of("+a", "b")), new Row("@x", 0, List.of("-1")),
                new Row("\tx", 1, List.of()), new Row("\rx", 2, List.of("ok")),
                new Row("Kota \"Baru\", Jawa", 4, List.of("a=b"))))
                .isEqualTo("name,count,notes\r\n"
                        + "'=1+1,-3,'+a; b\r\n"
                        + "'@x,0,'-1\r\n"
                        + "'\tx,1,\r\n"
                        + "\"'\rx\",2,ok\r\n"
                        + "\"Kota \"\"Baru\"\", Jawa\",4,a=b\r\n");
    }
}
