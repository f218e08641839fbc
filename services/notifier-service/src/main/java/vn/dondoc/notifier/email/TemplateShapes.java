package vn.dondoc.notifier.email;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.util.EvaluationUtils;
import org.unbescape.html.HtmlEscape;

/**
 * Mail templates rendered once per shape and filled in per message. Rendering one of our templates costs Thymeleaf
 * a few hundred microseconds (SpEL, the element model, the fragments), as much as sending the message. But our
 * templates only print their variables as they are, and their conditions test only whether a variable is there
 * and which stage it is. So a template is rendered once per shape (the compared variables' values, and which of
 * the others are present) with a placeholder for each present variable, and a message is that text with the
 * placeholders replaced by its values, escaped exactly where Thymeleaf escaped the placeholder (a placeholder
 * carries an {@code &} to show it).
 *
 * <p>The first message of every shape is rendered directly as well and compared: a template that does more with
 * a value than print it (shortens it, compares it) shows up there, and that shape is then always rendered
 * directly. A template must not do that conditionally on a value's length or content; the template tests render
 * every stage with varied values both ways.
 */
final class TemplateShapes {

    private static final Logger log = LoggerFactory.getLogger(TemplateShapes.class);
    private static final char OPEN = '\uE000';
    private static final char CLOSE = '\uE001';
    private static final String RAW = "&";
    private static final String ESCAPED = HtmlEscape.escapeHtml4Xml(RAW);
    private static final int SHAPES_KEPT = 1_000;

    /** A placeholder in a rendered shape. */
    private record Hole(String variable, boolean escaped) {
    }

    /**
     * @param parts    literal {@code String}s and {@link Hole}s, in order
     * @param capacity the literal text's length and room for the values, so that the text is seldom copied to grow
     */
    private record Shape(List<Object> parts, int capacity) {

        Shape(List<Object> parts) {
            this(parts, parts.stream().mapToInt(part -> part instanceof String literal ? literal.length() : 128).sum());
        }

        String fill(Map<String, Object> variables) {
            var text = new StringBuilder(capacity);
            for (var part : parts) {
                if (part instanceof Hole(var variable, var escaped)) {
                    var value = (String) variables.get(variable);
                    text.append(escaped ? HtmlEscape.escapeHtml4Xml(value) : value);
                } else {
                    text.append((String) part);
                }
            }
            return text.toString();
        }
    }

    private final ITemplateEngine engine;
    private final Locale locale;
    private final Set<String> compared;
    /** By shape key; empty: this shape is rendered directly. */
    private final Map<String, Optional<Shape>> shapes = new ConcurrentHashMap<>();

    /** @param compared the variables the templates compare to values (e.g. the stage), not just test for presence */
    TemplateShapes(ITemplateEngine engine, Locale locale, Set<String> compared) {
        this.engine = engine;
        this.locale = locale;
        this.compared = compared;
    }

    /**
     * What {@code engine.process(template, new Context(locale, variables))} gives; cheaper with a {@link SortedMap}
     * of variables.
     */
    String render(String template, Map<String, Object> variables) {
        var key = key(template, variables);
        if (key == null) {
            return direct(template, variables);
        }
        var shape = shapes.get(key);
        if (shape != null) {
            return shape.isPresent() ? shape.get().fill(variables) : direct(template, variables);
        }
        var direct = direct(template, variables);
        var learnt = learn(template, variables).filter(candidate -> candidate.fill(variables).equals(direct));
        if (learnt.isEmpty()) {
            log.warn("Mail template {} does more with a variable than print it; rendered per message (shape {})",
                    template, key);
        }
        if (shapes.size() >= SHAPES_KEPT) {
            shapes.clear();
        }
        shapes.put(key, learnt);
        return direct;
    }

    /** How many shapes are filled in rather than rendered per message. */
    long shapesFilledIn() {
        return shapes.values().stream().filter(Optional::isPresent).count();
    }

    private String direct(String template, Map<String, Object> variables) {
        return engine.process(template, new Context(locale, variables));
    }

    /** The template, the compared variables' values and which others are present; null if not to be shaped. */
    private String key(String template, Map<String, Object> variables) {
        var key = new StringBuilder(template);
        var sorted = variables instanceof SortedMap<String, Object> already ? already : new TreeMap<>(variables);
        for (var variable : sorted.entrySet()) {
            var value = variable.getValue();
            key.append('|').append(variable.getKey()).append('=');
            if (compared.contains(variable.getKey())) {
                key.append(value);
            } else if (value == null) {
                key.append('-');
            } else if (value instanceof String && EvaluationUtils.evaluateAsBoolean(value)) {
                key.append('+');
            } else {
                return null; // "false", "no", "off" or not text: a placeholder would not test the same
            }
        }
        return key.toString();
    }

    private Optional<Shape> learn(String template, Map<String, Object> variables) {
        Map<String, Object> placeholders = new TreeMap<>(variables);
        placeholders.replaceAll((variable, value) -> value == null || compared.contains(variable) ? value
                : OPEN + variable + RAW + CLOSE);
        var rendered = direct(template, placeholders);
        List<Object> parts = new ArrayList<>();
        int from = 0;
        for (int open = rendered.indexOf(OPEN); open >= 0; open = rendered.indexOf(OPEN, from)) {
            int close = rendered.indexOf(CLOSE, open);
            if (close < 0) {
                return Optional.empty();
            }
            var inside = rendered.substring(open + 1, close);
            var escaped = inside.endsWith(ESCAPED);
            if (!escaped && !inside.endsWith(RAW)) {
                return Optional.empty();
            }
            var variable = inside.substring(0, inside.length() - (escaped ? ESCAPED : RAW).length());
            if (!(placeholders.get(variable) instanceof String)) {
                return Optional.empty();
            }
            parts.add(rendered.substring(from, open));
            parts.add(new Hole(variable, escaped));
            from = close + 1;
        }
        parts.add(rendered.substring(from));
        return Optional.of(new Shape(List.copyOf(parts)));
    }
}
