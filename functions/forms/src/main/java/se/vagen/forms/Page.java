package se.vagen.forms;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import java.util.function.Consumer;
import se.vagen.common.Language;
import se.vagen.i18n.Texts;

/**
 * The skeleton every public page shares (check-in form, survey form, thank-you and error pages): doctype,
 * {@code lang} and {@code dir}, the stylesheet, a main landmark, and the security headers. Pages never carry inline
 * script or style, so the Content-Security-Policy can forbid both.
 */
public final class Page {

    /** Where the stylesheet is served (FormAssetsController). */
    public static final String STYLESHEET = "/c/form.css";

    public static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'self'; img-src 'self'; "
            + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private Page() {
    }

    /** A whole page: {@code body} writes what goes inside {@code <main>}. */
    public static String render(Language lang, String title, Consumer<Html> body) {
        Html html = new Html();
        html.constant("<!DOCTYPE html>\n");
        html.open("html", "lang", lang.code(), "dir", lang.rightToLeft() ? "rtl" : "ltr").newline();
        html.open("head").newline()
                .empty("meta", "charset", "utf-8").newline()
                .empty("meta", "name", "viewport", "content", "width=device-width, initial-scale=1").newline()
                .empty("meta", "name", "robots", "content", "noindex, nofollow").newline()
                .element("title", title).newline()
                .empty("link", "rel", "stylesheet", "href", STYLESHEET).newline()
                .close("head").newline();
        html.open("body").newline().open("main").newline();
        body.accept(html);
        html.newline().close("main").newline().close("body").newline().close("html").newline();
        return html.toString();
    }

    /** A page with a heading and one or more paragraphs (thank-you and error pages). */
    public static String message(Language lang, String title, String... paragraphs) {
        return render(lang, title, h -> {
            h.element("h1", title).newline();
            for (String p : paragraphs) {
                h.element("p", p).newline();
            }
        });
    }

    /**
     * A page of a message in the person's language, or, when the language is unknown, in Swedish with an English line.
     */
    public static String message(Texts texts, Language lang, String key) {
        String title = texts.text(lang == null ? Language.SV : lang, "page." + key + ".title");
        String body = texts.text(lang == null ? Language.SV : lang, "page." + key + ".body");
        if (lang != null) {
            return message(lang, title, body);
        }
        return render(Language.SV, title, h -> {
            h.element("h1", title).newline().element("p", body).newline();
            h.open("p", "lang", "en").text(texts.text(Language.EN, "page." + key + ".title") + " "
                    + texts.text(Language.EN, "page." + key + ".body")).close("p").newline();
        });
    }

    /** The response for a page, with every security header; token pages are never cached. */
    public static MutableHttpResponse<String> respond(HttpStatus status, String page) {
        return withHeaders(HttpResponse.<String>status(status).body(page)
                .contentType(MediaType.TEXT_HTML_TYPE.toString() + ";charset=utf-8"));
    }

    public static <T> MutableHttpResponse<T> withHeaders(MutableHttpResponse<T> response) {
        return response
                .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .header("Referrer-Policy", "no-referrer")
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("Cache-Control", "no-store")
                .header("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
    }
}
