package se.vagen.forms;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventServletRequest;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpRequestWrapper;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.vagen.aws.ProviderErrors;
import se.vagen.common.Language;
import se.vagen.survey.Question;
import se.vagen.survey.Questionnaire;
import se.vagen.survey.SurveyAnswers;
import se.vagen.survey.SurveyForm;
import se.vagen.survey.SurveyRules;
import se.vagen.survey.SurveyTexts;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * The employer survey behind single-use links: GET and POST /s/{token} (the form, 400 with messages, thank-you,
 * 404 unknown, 410 used or expired) and GET and POST /s/{token}/unsubscribe ("no more e-mails": GET shows a
 * button, only the POST records it, so a mail scanner following links opts nobody out). Swedish by default,
 * English with {@code ?lang=en} (a plain link, no JavaScript). Every page uses the shared {@link Page} skeleton.
 */
@Controller("/s")
public class SurveyFormController {

    private static final Logger LOG = LoggerFactory.getLogger(SurveyFormController.class);

    /** Room for every answer and a 2,000-character comment, percent-encoded. */
    static final int MAX_BODY_CHARS = 65_536;

    private final SurveyForm form;
    private final Questionnaire questionnaire;
    private final SurveyRules rules;
    private final SurveyTexts texts;
    private final Clock clock;

    public SurveyFormController(SurveyForm form, Questionnaire questionnaire, SurveyRules rules, SurveyTexts texts,
                                Clock clock) {
        this.form = form;
        this.questionnaire = questionnaire;
        this.rules = rules;
        this.texts = texts;
        this.clock = clock;
    }

    @Get(value = "/{token}", produces = MediaType.TEXT_HTML)
    public MutableHttpResponse<String> show(@PathVariable String token, @Nullable @QueryValue String lang) {
        String language = SurveyTexts.language(lang);
        try {
            return respond(token, form.open(token, clock.instant()), language, lang != null);
        } catch (SdkException e) {
            return unavailable(e, language, lang != null);
        }
    }

    @Post(value = "/{token}", consumes = {MediaType.APPLICATION_FORM_URLENCODED, MediaType.TEXT_PLAIN, MediaType.ALL},
            produces = MediaType.TEXT_HTML)
    public MutableHttpResponse<String> submit(@PathVariable String token, HttpRequest<?> request) {
        String lang = queryLang(request);
        Map<String, List<String>> fields = parse(rawBody(request));
        String language = SurveyTexts.language(lang != null ? lang : first(fields, "lang"));
        boolean chosen = lang != null || fields.containsKey("lang");
        try {
            return respond(token, form.submit(token, fields, clock.instant()), language, chosen);
        } catch (SdkException e) {
            return unavailable(e, language, chosen);
        }
    }

    @Get(value = "/{token}/unsubscribe", produces = MediaType.TEXT_HTML)
    public MutableHttpResponse<String> unsubscribePage(@PathVariable String token, @Nullable @QueryValue String lang) {
        String language = SurveyTexts.language(lang);
        SurveyForm.Outcome outcome;
        try {
            outcome = form.openUnsubscribe(token, clock.instant());
        } catch (SdkException e) {
            return unavailable(e, language, lang != null);
        }
        if (outcome.status() == SurveyForm.Status.UNKNOWN) {
            return message(HttpStatus.NOT_FOUND, "unknown", language, lang != null);
        }
        String title = texts.get(language, "unsubscribe.title");
        return Page.respond(HttpStatus.OK, Page.render(lang(language), title, h -> {
            languageSwitch(h, "/s/" + token + "/unsubscribe", language);
            h.element("h1", title).newline();
            h.element("p", texts.get(language, "unsubscribe.body")).newline();
            h.open("form", "method", "post", "action", "/s/" + token + "/unsubscribe" + query(language),
                    "accept-charset", "utf-8").newline();
            h.empty("input", "type", "hidden", "name", "confirm", "value", "yes").newline();
            h.element("button", texts.get(language, "unsubscribe.button"), "type", "submit").newline();
            h.close("form").newline();
        }));
    }

    @Post(value = "/{token}/unsubscribe", consumes = {MediaType.APPLICATION_FORM_URLENCODED, MediaType.TEXT_PLAIN, MediaType.ALL},
            produces = MediaType.TEXT_HTML)
    public MutableHttpResponse<String> unsubscribe(@PathVariable String token, HttpRequest<?> request) {
        String lang = queryLang(request);
        String language = SurveyTexts.language(lang);
        SurveyForm.Outcome outcome;
        try {
            outcome = form.unsubscribe(token, clock.instant());
        } catch (SdkException e) {
            return unavailable(e, language, lang != null);
        }
        if (outcome.status() == SurveyForm.Status.UNKNOWN) {
            return message(HttpStatus.NOT_FOUND, "unknown", language, lang != null);
        }
        String title = texts.get(language, "unsubscribe.title");
        return Page.respond(HttpStatus.OK, Page.message(lang(language), title,
                texts.get(language, "unsubscribe.done"), texts.get(language, "unsubscribe.stillAnswer")));
    }

    private MutableHttpResponse<String> respond(String token, SurveyForm.Outcome outcome, String language, boolean chosen) {
        return switch (outcome.status()) {
            case FORM -> Page.respond(HttpStatus.OK, formPage(token, outcome, language));
            case INVALID -> Page.respond(HttpStatus.BAD_REQUEST, formPage(token, outcome, language));
            case THANKS -> message(HttpStatus.OK, "thanks", language, true);
            case USED -> message(HttpStatus.GONE, "used", language, chosen);
            case EXPIRED -> message(HttpStatus.GONE, "expired", language, chosen);
            case UNKNOWN -> message(HttpStatus.NOT_FOUND, "unknown", language, chosen);
        };
    }

    /**
     * DynamoDB still throttled or unavailable after the SDK's retries: "try again in a while" (503). Nothing was
     * stored (the answers and the invitation's "answered" mark are one transaction) and the link is not used up,
     * so the same link works later. Any other SDK error is a fault of ours and is not hidden as "busy".
     */
    private MutableHttpResponse<String> unavailable(SdkException e, String language, boolean chosen) {
        if (!ProviderErrors.transientFailure(e)) {
            throw e;
        }
        LOG.warn("survey form: storage unavailable after retries ({}); answered 503", ProviderErrors.describe(e));
        return message(HttpStatus.SERVICE_UNAVAILABLE, "busy", language, chosen);
    }

    /** A message page; when the person has not chosen a language: Swedish with an English line. */
    private MutableHttpResponse<String> message(HttpStatus status, String key, String language, boolean chosen) {
        String title = texts.get(language, key + ".title");
        String body = texts.get(language, key + ".body");
        if (chosen || !language.equals("sv")) {
            return Page.respond(status, Page.message(lang(language), title, body));
        }
        return Page.respond(status, Page.render(Language.SV, title, h -> {
            h.element("h1", title).newline().element("p", body).newline();
            h.element("p", texts.get("en", key + ".title") + " " + texts.get("en", key + ".body"), "lang", "en").newline();
        }));
    }

    private String formPage(String token, SurveyForm.Outcome outcome, String language) {
        Map<String, String> errors = outcome.errors();
        Map<String, List<String>> sent = outcome.values();
        String title = texts.get(language, "page.title", "year", outcome.year());
        return Page.render(lang(language), title, h -> {
            languageSwitch(h, "/s/" + token, language);
            h.element("h1", title).newline();
            h.element("p", texts.get(language, "page.intro")).newline();
            h.element("p", texts.get(language, "page.requiredNote"), "class", "hint").newline();
            if (!errors.isEmpty()) {
                h.open("div", "class", "errors", "role", "alert", "tabindex", "-1", "id", "errors").newline();
                h.element("h2", texts.get(language, "page.errorSummary")).newline().open("ul").newline();
                for (Question q : questionnaire.questions()) {
                    if (errors.containsKey(q.code())) {
                        h.open("li").element("a", q.text(language) + " – " + errorText(language, errors.get(q.code())),
                                "href", "#q-" + q.code()).close("li").newline();
                    }
                }
                h.close("ul").close("div").newline();
            }
            h.open("form", "method", "post", "action", "/s/" + token + query(language), "accept-charset", "utf-8").newline();
            h.element("h2", texts.get(language, "page.factorsHeading"), "class", "survey-section").newline();
            for (Question q : questionnaire.factors()) {
                scale(h, q, language, errors, sent, true);
            }
            h.element("h2", texts.get(language, "page.overallHeading"), "class", "survey-section").newline();
            for (Question q : questionnaire.nki()) {
                scale(h, q, language, errors, sent, false);
            }
            h.element("h2", texts.get(language, "page.otherHeading"), "class", "survey-section").newline();
            for (Question q : questionnaire.ofKind(Question.Kind.YES_NO)) {
                yesNo(h, q, language, errors, sent);
            }
            for (Question q : questionnaire.ofKind(Question.Kind.TEXT)) {
                comment(h, q, language, errors, sent);
            }
            h.element("button", texts.get(language, "page.submit"), "type", "submit").newline();
            h.close("form").newline();
        });
    }

    private void scale(Html h, Question q, String language, Map<String, String> errors, Map<String, List<String>> sent,
                       boolean dontKnow) {
        String code = q.code();
        String chosen = first(sent, code);
        List<String> describedBy = new ArrayList<>();
        if (!q.hint(language).isEmpty()) {
            describedBy.add(code + "-hint");
        }
        describedBy.add(code + "-scale");
        if (errors.containsKey(code)) {
            describedBy.add(code + "-error");
        }
        h.open("fieldset", "id", "q-" + code, "class", "scale-question", "aria-describedby", String.join(" ", describedBy)).newline();
        h.open("legend").text(q.text(language));
        if (q.required()) {
            h.text(" ").element("span", "*", "class", "required", "aria-hidden", "true")
                    .element("span", " (" + texts.get(language, "page.required") + ")", "class", "visually-hidden");
        }
        h.close("legend").newline();
        if (!q.hint(language).isEmpty()) {
            h.element("p", q.hint(language), "class", "hint", "id", code + "-hint").newline();
        }
        h.element("p", texts.get(language, "page.scale", "low", q.low(language), "high", q.high(language)),
                "class", "hint scale-ends", "id", code + "-scale").newline();
        if (errors.containsKey(code)) {
            h.open("p", "class", "error", "id", code + "-error")
                    .element("span", texts.get(language, "page.errorPrefix") + " ", "class", "visually-hidden")
                    .text(errorText(language, errors.get(code))).close("p").newline();
        }
        h.open("div", "class", "scale").newline();
        for (int i = questionnaire.scaleMin(); i <= questionnaire.scaleMax(); i++) {
            String value = String.valueOf(i);
            String end = i == questionnaire.scaleMin() ? q.low(language) : i == questionnaire.scaleMax() ? q.high(language) : null;
            h.open("label", "class", "scale-choice")
                    .empty("input", "type", "radio", "name", code, "value", value, "checked", value.equals(chosen) ? "" : null,
                            "required", q.required() ? "" : null)
                    .element("span", value);
            if (end != null) {
                h.element("span", " " + end, "class", "visually-hidden");
            }
            h.close("label").newline();
        }
        if (dontKnow) {
            h.open("label", "class", "scale-choice dont-know")
                    .empty("input", "type", "radio", "name", code, "value", questionnaire.dontKnowValue(),
                            "checked", questionnaire.dontKnowValue().equals(chosen) ? "" : null)
                    .element("span", texts.get(language, "page.dontKnow"))
                    .close("label").newline();
        }
        h.close("div").newline().close("fieldset").newline();
    }

    private void yesNo(Html h, Question q, String language, Map<String, String> errors, Map<String, List<String>> sent) {
        String code = q.code();
        String chosen = first(sent, code);
        h.open("fieldset", "id", "q-" + code, "aria-describedby", errors.containsKey(code) ? code + "-error" : null).newline();
        h.element("legend", q.text(language)).newline();
        if (errors.containsKey(code)) {
            h.element("p", errorText(language, errors.get(code)), "class", "error", "id", code + "-error").newline();
        }
        for (String[] option : new String[][] {{SurveyAnswers.YES, "page.yes"}, {SurveyAnswers.NO, "page.no"}}) {
            h.open("label", "class", "choice")
                    .empty("input", "type", "radio", "name", code, "value", option[0],
                            "checked", option[0].equals(chosen) ? "" : null)
                    .element("span", texts.get(language, option[1]))
                    .close("label").newline();
        }
        h.close("fieldset").newline();
    }

    private void comment(Html h, Question q, String language, Map<String, String> errors, Map<String, List<String>> sent) {
        String code = q.code();
        String describedBy = code + "-hint" + (errors.containsKey(code) ? " " + code + "-error" : "");
        h.open("div", "id", "q-" + code).newline();
        h.element("label", q.text(language), "class", "field", "for", code).newline();
        h.element("p", q.hint(language) + " " + texts.get(language, "page.commentLimit", "max", rules.commentMaxLength()),
                "class", "hint", "id", code + "-hint").newline();
        if (errors.containsKey(code)) {
            h.element("p", errorText(language, errors.get(code)), "class", "error", "id", code + "-error").newline();
        }
        h.element("textarea", sent.containsKey(code) ? String.join("\n", sent.get(code)) : "",
                "id", code, "name", code, "rows", "6", "maxlength", String.valueOf(rules.commentMaxLength()),
                "aria-describedby", describedBy).newline();
        h.close("div").newline();
    }

    private void languageSwitch(Html h, String path, String language) {
        String other = texts.get(language, "page.switchLanguageLang");
        h.open("p", "class", "language-switch")
                .element("a", texts.get(language, "page.switchLanguage"), "href", path + "?lang=" + other,
                        "lang", other, "hreflang", other)
                .close("p").newline();
    }

    private String errorText(String language, String error) {
        return texts.get(language, "error." + error, "max", rules.commentMaxLength());
    }

    private static String query(String language) {
        return language.equals("sv") ? "" : "?lang=" + language;
    }

    private static Language lang(String language) {
        return Language.fromCode(language).orElse(Language.SV);
    }

    /**
     * {@code ?lang=} of a POST, read from the query string alone: binding it with {@code @QueryValue} makes Micronaut
     * parse the form body as parameters too, which throws (a 500) on a malformed escape such as {@code %ZZ}.
     */
    static String queryLang(HttpRequest<?> request) {
        String query = request.getUri().getRawQuery();
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            if (pair.startsWith("lang=")) {
                try {
                    return URLDecoder.decode(pair.substring(5), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    return null;
                }
            }
        }
        return null;
    }

    private static String first(Map<String, List<String>> fields, String name) {
        List<String> values = fields.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /**
     * The body as the HTTP API delivered it. Read from the Lambda event rather than bound with {@code @Body}: an empty
     * or odd post must get the friendly form page, not Micronaut's JSON 400.
     */
    static String rawBody(HttpRequest<?> request) {
        HttpRequest<?> unwrapped = request;
        while (unwrapped instanceof HttpRequestWrapper<?> wrapper) {
            unwrapped = wrapper.getDelegate();
        }
        if (unwrapped instanceof APIGatewayV2HTTPEventServletRequest<?> lambda && lambda.getNativeRequest() != null) {
            APIGatewayV2HTTPEvent event = lambda.getNativeRequest();
            String body = event.getBody();
            if (body != null && event.getIsBase64Encoded()) {
                try {
                    return new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    return null;
                }
            }
            return body;
        }
        return null;
    }

    /** application/x-www-form-urlencoded; an oversized or undecodable body reads as an empty form (stores nothing). */
    static Map<String, List<String>> parse(String body) {
        if (body != null && body.length() > MAX_BODY_CHARS) {
            return new LinkedHashMap<>();
        }
        try {
            return UrlEncodedForm.decode(body);
        } catch (IllegalArgumentException e) {
            return new LinkedHashMap<>();
        }
    }
}
