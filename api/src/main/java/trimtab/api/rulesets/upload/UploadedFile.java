package trimtab.api.rulesets.upload;

import io.micronaut.core.annotation.Nullable;

/**
 * A workbook as it arrived: a multipart part, or a raw body with its name given beside it.
 *
 * @param fileName    the name the client gave, if any (a browser may send a whole path)
 * @param bytes       the file, or null when the request had none
 * @param contentType the part's or body's media type, if given
 */
public record UploadedFile(@Nullable String fileName, @Nullable byte[] bytes, @Nullable String contentType) {
}
