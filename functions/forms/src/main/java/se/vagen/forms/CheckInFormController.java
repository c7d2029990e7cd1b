package se.vagen.forms;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.vagen.aws.ProviderErrors;
import se.vagen.checkin.CheckInForm;
import se.vagen.checkin.FormInput;
import se.vagen.checkin.HelpTopic;
import se.vagen.checkin.Participation;
import se.vagen.common.Language;
import se.vagen.i18n.Texts;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * GET and POST /c/{token}: the check-in form in the aspirant's language, the thank-you page, and the friendly
 * 400/404/410 pages. Works without JavaScript; every page carries the security headers of {@link Page}.
 */
@Controller("/c")
public class CheckInFormController {

    private static final Logger LOG = LoggerFactory.getLogger(CheckInFormController.class);

    /** Far more than three answers and a long free text ever need (the text is capped at 1,000 characters). */
    static final int MAX_BODY_CHARS = 16_384;

    private final CheckInForm form;
    private final Texts texts;
    private final Clock clock;

    public CheckInFormController(CheckInForm form, Texts texts, Clock clock) {
        this.form = form;
        this.texts = texts;
        this.clock = clock;
    }

    @Get(value = "/{token}", produces = MediaType.TEXT_HTML)
    public MutableHttpResponse<String> show(@PathVariable String token) {
        CheckInForm.Result result;
        try {
            result = form.open(token, clock.instant());
        } catch (SdkException e) {
            return unavailable(token, e);
        }
        return switch (result.outcome()) {
            case SHOW -> Page.respond(HttpStatus.OK, formPage(token, result, null));
            case NOT_FOUND -> Page.respond(HttpStatus.NOT_FOUND, Page.message(texts, null, "notfound"));
            default -> Page.respond(HttpStatus.GONE, Page.message(texts, result.language(), "gone"));
        };
    }

    @Post(value = "/{token}", consumes = {MediaType.APPLICATION_FORM_URLENCODED, MediaType.TEXT_PLAIN, MediaType.ALL},
            produces = MediaType.TEXT_HTML)
    public MutableHttpResponse<String> submit(@PathVariable String token, @Nullable @Body String body) {
        Map<String, List<String>> fields;
        try {
            fields = parse(body);
        } catch (IllegalArgumentException e) {
            fields = null;
        }
        if (fields == null) {
            // Unreadable body: answer as for an empty form, in the link's language, and store nothing.
            fields = Map.of();
        }
        CheckInForm.Result result;
        try {
            result = form.submit(token, fields, clock.instant());
        } catch (SdkException e) {
            return unavailable(token, e);
        }
        return switch (result.outcome()) {
            case STORED -> Page.respond(HttpStatus.OK, Page.message(texts, result.language(), "thanks"));
            case INVALID -> Page.respond(HttpStatus.BAD_REQUEST, formPage(token, result, result.input()));
            case NOT_FOUND -> Page.respond(HttpStatus.NOT_FOUND, Page.message(texts, null, "notfound"));
            default -> Page.respond(HttpStatus.GONE, Page.message(texts, result.language(), "gone"));
        };
    }

    /**
     * DynamoDB still throttled or unavailable after the SDK's retries: the friendly "try again in a while" page (503)
     * in the link's language when it can still be read. Nothing was stored and the link is not used up (the form's
     * one conditional write failed, and the link is only used up after it), so posting again later works. Any other
     * SDK error is a fault of ours and is not hidden as "busy".
     */
    private MutableHttpResponse<String> unavailable(String token, SdkException e) {
        if (!ProviderErrors.transientFailure(e)) {
            throw e;
        }
        LOG.warn("check-in form: storage unavailable after retries ({}); answered 503", ProviderErrors.describe(e));
        Language lang = null;
        try {
            lang = form.language(token, clock.instant()).orElse(null);
        } catch (SdkException again) {
            // Still unavailable: the page is in Swedish with an English line.
        }
        return Page.respond(HttpStatus.SERVICE_UNAVAILABLE, Page.message(texts, lang, "error"));
    }

    /** application/x-www-form-urlencoded; null when it is too large or not decodable. */
    static Map<String, List<String>> parse(String body) {
        if (body != null && body.length() > MAX_BODY_CHARS) {
            return null;
        }
        return UrlEncodedForm.decode(body);
    }

    private String formPage(String token, CheckInForm.Result result, FormInput sent) {
        Language lang = result.language() == null ? Language.SV : result.language();
        String title = texts.text(lang, "form.title");
        Map<String, String> errors = sent == null ? Map.of() : sent.errors();
        return Page.render(lang, title, h -> {
            h.element("h1", title).newline();
            String week = result.cycle() == null ? "" : result.cycle().replaceFirst("^\\d{4}-W0?", "");
            h.element("p", texts.text(lang, "form.week", Map.of("week", week)), "class", "week").newline();
            h.element("p", texts.text(lang, "form.intro")).newline();
            if (!errors.isEmpty()) {
                h.open("div", "class", "errors", "role", "alert").element("h2", texts.text(lang, "form.error.title"))
                        .close("div").newline();
            }
            h.open("form", "method", "post", "action", "/c/" + token, "accept-charset", "utf-8").newline();

            fieldset(h, lang, "participation", "form.question.participation", null, errors);
            for (Participation p : Participation.values()) {
                choice(h, "radio", "participation", p.name(), texts.text(lang, "form.option.participation." + p.name()),
                        sent != null && p == sent.answers().participation());
            }
            h.close("fieldset").newline();

            fieldset(h, lang, "wellbeing", "form.question.wellbeing", null, errors);
            for (int i = 5; i >= 1; i--) {
                Integer chosen = sent == null ? null : sent.answers().wellbeing();
                choice(h, "radio", "wellbeing", String.valueOf(i),
                        i + " - " + texts.text(lang, "form.option.wellbeing." + i), chosen != null && chosen == i);
            }
            h.close("fieldset").newline();

            fieldset(h, lang, "helpNeeded", "form.question.help", "form.question.help.hint", errors);
            for (HelpTopic t : HelpTopic.values()) {
                List<HelpTopic> chosen = sent == null || sent.answers().helpNeeded() == null
                        ? List.of() : sent.answers().helpNeeded();
                choice(h, "checkbox", "helpNeeded", t.name(), texts.text(lang, "form.option.help." + t.name()),
                        chosen.contains(t));
            }
            h.close("fieldset").newline();

            h.element("label", texts.text(lang, "form.freetext.label"), "class", "field", "for", "freeText").newline();
            h.element("p", texts.text(lang, "form.freetext.hint"), "class", "hint", "id", "freeText-hint").newline();
            if (errors.containsKey("freeText")) {
                h.element("p", texts.text(lang, errors.get("freeText"), Map.of("max", FormInput.MAX_FREE_TEXT)),
                        "class", "error").newline();
            }
            h.element("textarea", sent == null || sent.answers().freeText() == null ? "" : sent.answers().freeText(),
                    "id", "freeText", "name", "freeText", "rows", "5",
                    "maxlength", String.valueOf(FormInput.MAX_FREE_TEXT), "aria-describedby", "freeText-hint").newline();
            h.element("button", texts.text(lang, "form.submit"), "type", "submit").newline();
            h.close("form");
        });
    }

    private void fieldset(Html h, Language lang, String field, String questionKey, String hintKey,
                          Map<String, String> errors) {
        h.open("fieldset").newline().element("legend", texts.text(lang, questionKey)).newline();
        if (hintKey != null) {
            h.element("p", texts.text(lang, hintKey), "class", "hint").newline();
        }
        if (errors.containsKey(field)) {
            h.element("p", texts.text(lang, errors.get(field)), "class", "error").newline();
        }
    }

    private static void choice(Html h, String type, String name, String value, String label, boolean checked) {
        h.open("label", "class", "choice")
                .empty("input", "type", type, "name", name, "value", value, "checked", checked ? "" : null)
                .element("span", label)
                .close("label").newline();
    }
}
