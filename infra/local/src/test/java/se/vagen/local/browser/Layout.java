package se.vagen.local.browser;

import java.util.List;
import java.util.Map;

/**
 * Layout checks run inside the page (JavaScript through WebDriver), each returning the problems it found as text,
 * naming the element by a short CSS-like path so a failure says where to look.
 */
public final class Layout {

    /** Shared by the scripts: a readable path of an element ("main > form > fieldset:nth-of-type(2) > label"). */
    private static final String PATH = """
            function path(e) {
              const parts = [];
              while (e && e.nodeType === 1 && parts.length < 5) {
                let part = e.tagName.toLowerCase();
                if (e.id) { parts.unshift(part + '#' + e.id); break; }
                if (e.classList.length) { part += '.' + Array.from(e.classList).join('.'); }
                const same = e.parentElement ? Array.from(e.parentElement.children).filter(c => c.tagName === e.tagName) : [];
                if (same.length > 1) { part += ':nth-of-type(' + (same.indexOf(e) + 1) + ')'; }
                parts.unshift(part);
                e = e.parentElement;
              }
              return parts.join(' > ');
            }
            function visible(e) {
              const s = getComputedStyle(e);
              if (s.display === 'none' || s.visibility === 'hidden') { return false; }
              const r = e.getBoundingClientRect();
              // 1x1 px boxes are the "visually hidden" pattern: text for screen readers only, clipped on purpose.
              return r.width > 1 && r.height > 1;
            }
            """;

    private Layout() {
    }

    /**
     * Text cut off or pushed out of the viewport: the page scrolls sideways (document wider than the viewport); an
     * element that hides or clips its overflow has content wider than its box; a visible element with text sticks out
     * of the viewport on either side (skip links parked off screen on purpose are not "visible" until focused, and
     * are ignored).
     */
    @SuppressWarnings("unchecked")
    public static List<String> overflow(Browser browser) {
        return (List<String>) browser.js(PATH + """
                const problems = [];
                const width = document.documentElement.clientWidth;
                const docWidth = document.documentElement.scrollWidth;
                if (docWidth > width) { problems.push('the page is ' + docWidth + 'px wide in a ' + width + 'px viewport'); }
                for (const e of document.body.querySelectorAll('*')) {
                  if (!visible(e) || e.matches('.skip, .skip *, script, style')) { continue; }
                  const s = getComputedStyle(e);
                  const clips = ['hidden', 'clip'].includes(s.overflowX) || s.textOverflow === 'ellipsis';
                  if (clips && e.scrollWidth > e.clientWidth + 1) {
                    problems.push(path(e) + ' cuts its content off: ' + e.scrollWidth + 'px in ' + e.clientWidth + 'px');
                  }
                  const hasText = Array.from(e.childNodes).some(n => n.nodeType === 3 && n.textContent.trim() !== '');
                  if (hasText || ['INPUT', 'BUTTON', 'TEXTAREA', 'SELECT'].includes(e.tagName)) {
                    const r = e.getBoundingClientRect();
                    if (r.left < -1 || r.right > width + 1) {
                      problems.push(path(e) + ' sticks out of the viewport: ' + Math.round(r.left) + '..' + Math.round(r.right)
                          + ' of 0..' + width);
                    }
                  }
                }
                return problems;
                """);
    }

    /**
     * Touch targets smaller than {@code min}×{@code min} CSS px: text inputs, text areas, selects and buttons
     * themselves; a radio button or checkbox by its label (the label is what a finger hits: it is wrapped around
     * the input or points at it with {@code for}); links inside forms, navigation and headers and links that stand
     * alone (not inside running text).
     */
    @SuppressWarnings("unchecked")
    public static List<String> smallTargets(Browser browser, int min) {
        return (List<String>) browser.js(PATH + """
                const min = arguments[0];
                const problems = [];
                function check(e, what) {
                  const r = e.getBoundingClientRect();
                  if (r.width + 0.5 < min || r.height + 0.5 < min) {
                    problems.push(what + ' ' + path(e) + ' is ' + Math.round(r.width) + 'x' + Math.round(r.height) + ' px');
                  }
                }
                for (const e of document.querySelectorAll('input, textarea, select, button, a[href]')) {
                  if (!visible(e) && !(e.type === 'radio' || e.type === 'checkbox')) { continue; }
                  if (e.closest('[hidden], .visually-hidden')) { continue; }
                  if (e.type === 'hidden') { continue; }
                  if (e.type === 'radio' || e.type === 'checkbox') {
                    const label = e.closest('label') || (e.id && document.querySelector('label[for="' + e.id + '"]'));
                    if (!label) { problems.push(e.type + ' ' + path(e) + ' has no label to tap'); continue; }
                    check(label, 'label of ' + e.type);
                  } else if (e.tagName === 'A') {
                    const inText = e.parentElement && e.parentElement.matches('p, li, td, span')
                        && e.parentElement.textContent.trim() !== e.textContent.trim();
                    if (!inText && !e.matches('.skip')) { check(e, 'link'); }
                  } else {
                    check(e, e.tagName.toLowerCase());
                  }
                }
                return problems;
                """, min);
    }

    /**
     * How the page's first heading sits: {@code dir} of html, the computed direction of the heading, where its text
     * starts and ends (a Range over the text) against the heading's content box, and the viewport width.
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> heading(Browser browser) {
        return (Map<String, Object>) browser.js("""
                const h = document.querySelector('h1');
                const range = document.createRange();
                range.selectNodeContents(h);
                const text = range.getBoundingClientRect();
                const box = h.getBoundingClientRect();
                const s = getComputedStyle(h);
                return {
                  dir: document.documentElement.getAttribute('dir'),
                  lang: document.documentElement.getAttribute('lang'),
                  direction: s.direction,
                  bodyDirection: getComputedStyle(document.body).direction,
                  textLeft: text.left, textRight: text.right,
                  boxLeft: box.left + parseFloat(s.paddingLeft), boxRight: box.right - parseFloat(s.paddingRight),
                  viewport: document.documentElement.clientWidth
                };
                """);
    }
}
