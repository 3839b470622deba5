package trimtab.api.rulesets.upload;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.json.JsonMapper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import trimtab.api.database.Transactions;
import trimtab.engine.rules.TableKind;
import trimtab.rules.ShippedRules;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.function.Consumer;

/**
 * What the rule-set tests share: uploads as a browser form or a raw body, answers read whatever their status, shipped
 * workbooks edited with POI (as rule-tests' broken-workbook corpus does), and row counts.
 */
final class RuleSetHttp {
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String OFFICER = "compliance.maria";

    private final HttpClient client;
    private final JsonMapper json;

    RuleSetHttp(HttpClient client, JsonMapper json) {
        this.client = client;
        this.json = json;
    }

    /** Posts a workbook as a browser form does: parts "file" and "comment". */
    HttpResponse<String> uploadForm(String table, String fileName, byte[] bytes, String comment) {
        MultipartBody.Builder body = MultipartBody.builder().addPart("file", fileName, MediaType.of(XLSX), bytes);
        if (comment != null) {
            body.addPart("comment", comment);
        }
        return exchange(HttpRequest.POST("/api/v1/rule-sets/" + table + "/versions", body.build())
                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE).header("X-Test-User", OFFICER));
    }

    /** Posts a workbook as the raw body, the comment in a header. */
    HttpResponse<String> uploadRaw(String table, String query, String contentType, byte[] bytes, String comment) {
        MutableHttpRequest<byte[]> request = HttpRequest.POST("/api/v1/rule-sets/" + table + "/versions" + query, bytes)
                .contentType(contentType).header("X-Test-User", OFFICER);
        if (comment != null) {
            request.header("X-Trimtab-Comment", comment);
        }
        return exchange(request);
    }

    HttpResponse<String> get(String path) {
        return exchange(HttpRequest.GET(path));
    }

    HttpResponse<byte[]> getBytes(String path) {
        return client.toBlocking().exchange(HttpRequest.GET(path), byte[].class);
    }

    <T> T read(HttpResponse<String> response, Class<T> type) {
        try {
            return json.readValue(body(response), type);
        } catch (IOException e) {
            throw new UncheckedIOException(body(response), e);
        }
    }

    <T> java.util.List<T> readList(HttpResponse<String> response, Class<T> type) {
        try {
            return json.readValue(body(response), io.micronaut.core.type.Argument.listOf(type));
        } catch (IOException e) {
            throw new UncheckedIOException(body(response), e);
        }
    }

    HttpResponse<String> exchange(HttpRequest<?> request) {
        try {
            return client.toBlocking().exchange(request, String.class);
        } catch (HttpClientResponseException e) {
            @SuppressWarnings("unchecked")
            HttpResponse<String> response = (HttpResponse<String>) e.getResponse();
            return response;
        }
    }

    static String body(HttpResponse<String> response) {
        return response.getBody(String.class).orElse("");
    }

    static String contentType(HttpResponse<?> response) {
        return response.getContentType().map(MediaType::toString).orElse("");
    }

    /** A copy of a shipped workbook with an edit applied, as bytes. */
    static byte[] edited(TableKind kind, Consumer<XSSFWorkbook> change) {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(ShippedRules.workbook(kind).bytes()))) {
            change.accept(wb);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sets a cell's text (empty: removes the cell), keeping its style. */
    static void set(XSSFWorkbook wb, String sheetName, String a1, String value) {
        CellReference ref = new CellReference(a1);
        Sheet sheet = wb.getSheet(sheetName);
        Row row = sheet.getRow(ref.getRow()) == null ? sheet.createRow(ref.getRow()) : sheet.getRow(ref.getRow());
        // the shipped workbooks store inline strings, which POI does not overwrite in place: replace the cell
        Cell old = row.getCell(ref.getCol());
        CellStyle style = old == null ? null : old.getCellStyle();
        if (old != null) {
            row.removeCell(old);
        }
        if (!value.isEmpty()) {
            Cell cell = row.createCell(ref.getCol());
            cell.setCellValue(value);
            if (style != null) {
                cell.setCellStyle(style);
            }
        }
    }

    static long count(Transactions transactions, String sql, Object... parameters) {
        return transactions.read(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    statement.setObject(i + 1, parameters[i]);
                }
                try (ResultSet rs = statement.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }
}
