package pulse.server.ingest;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import pulse.model.FieldError;
import pulse.model.InvalidInputException;
import pulse.model.Text;
import pulse.server.security.Role;
import pulse.server.security.Senders;
import pulse.server.web.ErrorBody;
import pulse.server.web.Language;
import pulse.server.web.TooLargeException;

/**
 * Spreadsheets in (the templates to fill in are read side: {@code query.TemplateController}): the upload ({@code multipart/form-data}, the file
 * in the part named {@code file}). The answer lists every row with what it changes and every error
 * with its sheet, row and column; {@code 400} when anything is wrong (then nothing is written).
 */
@Controller("/api/import")
@Secured({Role.ADMIN, Role.UNIT})
@ExecuteOn(TaskExecutors.BLOCKING)
class ImportController {

    /** The largest file taken; a larger one is refused with 413 before it is read. */
    static final long MAX_BYTES = 10L * 1024 * 1024;

    private final ImportService imports;
    private final Senders senders;

    ImportController(ImportService imports, Senders senders) {
        this.imports = imports;
        this.senders = senders;
    }

    @Operation(summary = "表格导入 Import a spreadsheet (.xlsx, or .csv in UTF-8 or GBK)",
            description = "The file in the multipart part named file, made from a template. All or nothing; rows that"
                    + " change nothing are not written, so importing the same file again writes nothing. dryRun=true"
                    + " answers what would happen row by row and writes nothing. Up to 10 MB and 20,000 rows.")
    @ApiResponse(responseCode = "200", description = "Imported (or, dry run, checked): every row and what it changes",
            content = @Content(schema = @Schema(implementation = ImportAnswer.class)))
    @ApiResponse(responseCode = "400", description = "Errors, each with sheet, row and column; nothing written",
            content = @Content(schema = @Schema(implementation = ImportAnswer.class), examples = @ExampleObject(value = """
                    {"dryRun":false,"written":false,"eventsWritten":0,"counts":{"added":1,"changed":0,"unchanged":0,"errors":1},
                     "lines":[{"sheet":"月报","row":2,"type":"InvestmentReported","projectId":"TZ-2022-001","item":"2022-05","change":"NEW"}],
                     "errors":[{"sheet":"月报","row":3,"column":"本月完成投资（万元）","field":"amount","value":"\"八十\"",
                      "expected":"以万元为单位、最多两位小数的数字，0至100000000",
                      "message":"「月报」第3行「本月完成投资（万元）」：amount：填写的是 \"八十\"，应为以万元为单位、最多两位小数的数字，0至100000000"}],
                     "skippedSheets":["填表说明"],"ignoredColumns":{}}""")))
    @ApiResponse(responseCode = "413", description = "More than 10 MB or 20,000 rows",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @Post(consumes = MediaType.MULTIPART_FORM_DATA)
    HttpResponse<ImportAnswer> upload(HttpRequest<?> request, @Nullable @Part("file") CompletedFileUpload file,
            @Nullable @QueryValue Boolean dryRun, Authentication authentication) {
        if (file == null) {
            throw new InvalidInputException(new FieldError("file", null,
                    Text.of("import.file")));
        }
        if (file.getSize() > MAX_BYTES) {
            throw new TooLargeException(Text.of("import.tooLarge", file.getSize() / 1024));
        }
        ImportAnswer answer = imports.importFile(bytes(file), file.getFilename(), Boolean.TRUE.equals(dryRun),
                senders.of(authentication), Language.of(request));
        return HttpResponse.status(answer.errors().isEmpty() || answer.dryRun() ? HttpStatus.OK : HttpStatus.BAD_REQUEST)
                .body(answer);
    }

    private static byte[] bytes(CompletedFileUpload file) {
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
