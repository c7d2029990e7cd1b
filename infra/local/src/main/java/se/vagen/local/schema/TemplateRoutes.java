package se.vagen.local.schema;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The HTTP API's routes as template.yaml defines them: every {@code HttpApi} event of every
 * {@code AWS::Serverless::Function} (method, path with {param} and {proxy+}, the function's Handler class, and
 * whether the JWT authorizer guards it: the API's default authorizer unless the event says
 * {@code Authorizer: NONE}, and the OAuth scopes it requires, {@code Auth: AuthorizationScopes}). The local stack routes requests with these, so a route added to the template works
 * locally without further code. Matching follows API Gateway: the most specific route wins (literal segments
 * before parameters, greedy {@code {proxy+}} last).
 */
public final class TemplateRoutes {

    /**
     * One route; {@code routeKey} as API Gateway writes it, e.g. "GET /c/{token}". {@code scopes}: the token must
     * carry at least one of them (API Gateway's rule); empty means any valid token.
     */
    public record Route(String method, String path, String handlerClass, String functionId, boolean authorized,
                        List<String> scopes) {

        public Route {
            scopes = List.copyOf(scopes);
        }

        public Route(String method, String path, String handlerClass, String functionId, boolean authorized) {
            this(method, path, handlerClass, functionId, authorized, List.of());
        }

        /** True when the route needs no scope or {@code granted} holds one of those it needs. */
        public boolean allows(List<String> granted) {
            return scopes.isEmpty() || scopes.stream().anyMatch(granted::contains);
        }

        public String routeKey() {
            return method + " " + path;
        }

        List<String> segments() {
            return split(path);
        }

        boolean greedy() {
            return path.endsWith("+}");
        }

        int literalSegments() {
            return (int) segments().stream().filter(s -> !s.startsWith("{")).count();
        }
    }

    /** A matched route with its path parameters. */
    public record Match(Route route, Map<String, String> pathParameters) {
    }

    private final List<Route> routes;

    public TemplateRoutes(List<Route> routes) {
        List<Route> sorted = new ArrayList<>(routes);
        sorted.sort(Comparator.comparing(Route::greedy)
                .thenComparing(Comparator.comparingInt(Route::literalSegments).reversed())
                .thenComparing(r -> "ANY".equals(r.method())));
        this.routes = List.copyOf(sorted);
    }

    @SuppressWarnings("unchecked")
    public static TemplateRoutes of(Map<String, Object> template) {
        Map<String, Object> resources = (Map<String, Object>) template.getOrDefault("Resources", Map.of());
        Map<String, Boolean> apiDefaultAuth = new LinkedHashMap<>();
        resources.forEach((id, value) -> {
            Map<String, Object> resource = (Map<String, Object>) value;
            if ("AWS::Serverless::HttpApi".equals(resource.get("Type"))) {
                Map<String, Object> properties = (Map<String, Object>) resource.getOrDefault("Properties", Map.of());
                Map<String, Object> auth = (Map<String, Object>) properties.getOrDefault("Auth", Map.of());
                apiDefaultAuth.put(id, auth.get("DefaultAuthorizer") != null);
            }
        });
        List<Route> routes = new ArrayList<>();
        resources.forEach((id, value) -> {
            Map<String, Object> resource = (Map<String, Object>) value;
            if (!"AWS::Serverless::Function".equals(resource.get("Type"))) {
                return;
            }
            Map<String, Object> properties = (Map<String, Object>) resource.getOrDefault("Properties", Map.of());
            String handler = String.valueOf(properties.get("Handler"));
            int colons = handler.indexOf("::");
            String handlerClass = colons < 0 ? handler : handler.substring(0, colons);
            Map<String, Object> events = (Map<String, Object>) properties.getOrDefault("Events", Map.of());
            events.values().forEach(e -> {
                Map<String, Object> event = (Map<String, Object>) e;
                if (!"HttpApi".equals(event.get("Type"))) {
                    return;
                }
                Map<String, Object> p = (Map<String, Object>) event.getOrDefault("Properties", Map.of());
                String method = String.valueOf(p.getOrDefault("Method", "ANY")).toUpperCase(Locale.ROOT);
                String path = String.valueOf(p.getOrDefault("Path", "/$default"));
                String api = p.get("ApiId") instanceof Map<?, ?> ref && ref.get("Ref") != null
                        ? String.valueOf(ref.get("Ref")) : null;
                boolean defaultAuth = api == null ? apiDefaultAuth.values().stream().anyMatch(b -> b)
                        : apiDefaultAuth.getOrDefault(api, false);
                Map<?, ?> auth = p.get("Auth") instanceof Map<?, ?> a ? a : Map.of();
                Object authorizer = auth.get("Authorizer");
                boolean authorized = authorizer == null ? defaultAuth : !"NONE".equals(String.valueOf(authorizer));
                List<String> scopes = new ArrayList<>();
                if (auth.get("AuthorizationScopes") instanceof List<?> listed) {
                    listed.forEach(scope -> scopes.add(String.valueOf(scope)));
                }
                routes.add(new Route(method, path, handlerClass, functionId(id), authorized, scopes));
            });
        });
        return new TemplateRoutes(routes);
    }

    public List<Route> routes() {
        return routes;
    }

    /** The route for {@code method} and the raw (still percent-encoded) {@code rawPath}, if any. */
    public Optional<Match> match(String method, String rawPath) {
        List<String> request = split(rawPath);
        for (Route route : routes) {
            if (!"ANY".equals(route.method()) && !route.method().equals(method)) {
                continue;
            }
            Map<String, String> parameters = matchSegments(route.segments(), request);
            if (parameters != null) {
                return Optional.of(new Match(route, parameters));
            }
        }
        return Optional.empty();
    }

    private static Map<String, String> matchSegments(List<String> pattern, List<String> request) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < pattern.size(); i++) {
            String p = pattern.get(i);
            if (p.startsWith("{") && p.endsWith("+}")) {
                if (i >= request.size()) {
                    return null;
                }
                parameters.put(p.substring(1, p.length() - 2),
                        decode(String.join("/", request.subList(i, request.size()))));
                return parameters;
            }
            if (i >= request.size()) {
                return null;
            }
            String r = request.get(i);
            if (p.startsWith("{") && p.endsWith("}")) {
                if (r.isEmpty()) {
                    return null;
                }
                parameters.put(p.substring(1, p.length() - 1), decode(r));
            } else if (!p.equals(r)) {
                return null;
            }
        }
        return pattern.size() == request.size() ? parameters : null;
    }

    private static String decode(String raw) {
        return java.net.URLDecoder.decode(raw.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
    }

    private static List<String> split(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        if (trimmed.isEmpty()) {
            return List.of();
        }
        return List.of(trimmed.split("/", -1));
    }

    /** FormsFunction -> forms, StaffApiFunction -> staff-api. */
    static String functionId(String logicalId) {
        return TemplateTables.kebab(logicalId.endsWith("Function")
                ? logicalId.substring(0, logicalId.length() - "Function".length()) : logicalId);
    }
}
