package se.vagen.local.http;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.vagen.local.auth.LocalJwt;
import se.vagen.local.schema.TemplateRoutes;

/**
 * Every function's routes and the /dev routes on one port, the way API Gateway's HTTP API routes them:
 * <ul>
 *   <li>{@code /health}: the stack's own health (every part answers);</li>
 *   <li>{@code /dev}, {@code /dev/*}: local-only tools ({@link DevRoutes}); {@code /} leads there;</li>
 *   <li>everything else: the HttpApi routes of template.yaml ({@link TemplateRoutes}), e.g. GET/POST
 *   {@code /c/{token}} to forms, public {@code GET /staff}, and {@code ANY /staff/{proxy+}} behind the JWT
 *   authorizer (401 {"message":"Unauthorized"} without a valid token, 403 {"message":"Forbidden"} when the token
 *   lacks the route's {@code AuthorizationScopes}; the function checks the group again).
 *   No route: 404 {"message":"Not Found"}, as API Gateway.</li>
 * </ul>
 */
public final class LocalHttpServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalHttpServer.class);

    private Functions functions;
    private TemplateRoutes routes;
    private LocalJwt jwt;
    private LambdaBudget budget;
    private HealthCheck health;
    private DevRoutes dev;
    private HttpServer server;
    private ExecutorService executor;

    private LocalHttpServer(HttpServer server) {
        this.server = server;
    }

    /** Binds {@code port} on all interfaces (0 = a free port); nothing is served until {@link #serve}. */
    public static LocalHttpServer bind(int port) throws IOException {
        return new LocalHttpServer(HttpServer.create(new InetSocketAddress(port), 64));
    }

    /** Starts serving. */
    public LocalHttpServer serve(Functions functions, TemplateRoutes routes, LocalJwt jwt, LambdaBudget budget,
                                 HealthCheck health, DevRoutes dev) {
        this.functions = functions;
        this.routes = routes;
        this.jwt = jwt;
        this.budget = budget;
        this.health = health;
        this.dev = dev;
        AtomicInteger count = new AtomicInteger();
        executor = Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r, "vagen-http-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
        return this;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        if (server != null) {
            server.stop(0);
            if (executor != null) {
                executor.shutdownNow();
            }
            server = null;
        }
    }

    private void handle(HttpExchange exchange) {
        try {
            LocalRequest request;
            try {
                request = LocalRequest.read(exchange);
            } catch (LocalRequest.TooLarge e) {
                HttpAnswer.json(exchange, 413, Map.of("message", "Request Entity Too Large"));
                return;
            }
            route(exchange, request);
        } catch (IOException e) {
            LOG.debug("Client went away: {}", e.toString());
        } catch (RuntimeException | Error e) {
            // As API Gateway when the integration fails: 500 {"message":"Internal Server Error"}.
            LOG.error("Local stack failed on {} {}", exchange.getRequestMethod(), exchange.getRequestURI().getPath(), e);
            try {
                HttpAnswer.json(exchange, 500, Map.of("message", "Internal Server Error"));
            } catch (IOException | RuntimeException ignored) {
                // the answer had started already
            }
        } finally {
            exchange.close();
        }
    }

    private void route(HttpExchange exchange, LocalRequest request) throws IOException {
        String path = request.path();
        if (path.equals("/health")) {
            Map<String, String> parts = health.check();
            Map<String, Object> body = new LinkedHashMap<>();
            boolean up = HealthCheck.allUp(parts);
            body.put("status", up ? "UP" : "DOWN");
            body.put("parts", parts);
            HttpAnswer.json(exchange, up ? 200 : 503, body);
        } else if (path.equals("/")) {
            exchange.getResponseHeaders().set("Location", "/dev");
            HttpAnswer.write(exchange, 302, Map.of(), new byte[0]);
        } else if (path.equals("/dev") || path.startsWith("/dev/")) {
            dev.handle(exchange, request);
        } else {
            Optional<TemplateRoutes.Match> match = routes.match(request.method(), request.rawPath());
            if (match.isEmpty()) {
                HttpAnswer.json(exchange, 404, Map.of("message", "Not Found"));
                return;
            }
            TemplateRoutes.Route route = match.get().route();
            ApiGatewayEvents.JwtAuthorization authorization = null;
            if (route.authorized()) {
                Optional<LocalJwt.Verified> verified = jwt.verify(bearer(request.header("authorization")));
                if (verified.isEmpty()) {
                    exchange.getResponseHeaders().set("www-authenticate", "Bearer");
                    HttpAnswer.json(exchange, 401, Map.of("message", "Unauthorized"));
                    return;
                }
                if (!route.allows(verified.get().scopes())) {
                    // API Gateway's answer when the token lacks every scope the route requires.
                    HttpAnswer.json(exchange, 403, Map.of("message", "Forbidden"));
                    return;
                }
                authorization = new ApiGatewayEvents.JwtAuthorization(verified.get().claims(), verified.get().scopes());
            }
            invokeHttp(exchange, request, route, match.get().pathParameters(), authorization);
        }
    }

    /** "Bearer xyz" -> "xyz"; API Gateway's JWT authorizer also accepts the bare token. */
    static String bearer(String header) {
        if (header == null) {
            return null;
        }
        String value = header.trim();
        if (value.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return value.substring(7).trim();
        }
        return value;
    }

    private void invokeHttp(HttpExchange exchange, LocalRequest request, TemplateRoutes.Route route,
                            Map<String, String> pathParameters, ApiGatewayEvents.JwtAuthorization jwtAuth)
            throws IOException {
        Optional<RequestHandler<Object, Object>> handler = functions.byClassName(route.handlerClass());
        if (handler.isEmpty()) {
            HttpAnswer.json(exchange, 501, Map.of("error", "not implemented"));
            return;
        }
        APIGatewayV2HTTPEvent event = ApiGatewayEvents.toEvent(request, route.routeKey(), pathParameters, jwtAuth);
        Object result = handler.get().handleRequest(event, budget.newContext(route.functionId()));
        if (!(result instanceof APIGatewayV2HTTPResponse response)) {
            LOG.error("{} answered {} instead of an HTTP response", route.functionId(),
                    result == null ? "null" : result.getClass().getName());
            HttpAnswer.json(exchange, 502, Map.of("message", "Internal Server Error"));
            return;
        }
        ApiGatewayEvents.Written written = ApiGatewayEvents.fromResponse(response);
        HttpAnswer.write(exchange, written.status(), written.headers(), written.body());
    }

}
