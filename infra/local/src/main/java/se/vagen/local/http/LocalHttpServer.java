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
import se.vagen.local.http.Functions.Function;

/**
 * Every function's routes and the /dev routes on one port, the way API Gateway's HTTP API routes them:
 * <ul>
 *   <li>{@code /health}: the stack's own health;</li>
 *   <li>{@code /c/*}, {@code /s/*}: the forms function, public;</li>
 *   <li>{@code GET /staff}: the staff page shell (staff-api), public;</li>
 *   <li>{@code /staff/*}: the JWT authorizer (401 {"message":"Unauthorized"} without a valid token), then
 *   staff-api, which checks the group itself;</li>
 *   <li>{@code /dev}, {@code /dev/*}: local-only tools ({@link DevRoutes}).</li>
 * </ul>
 */
public final class LocalHttpServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalHttpServer.class);

    private Functions functions;
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
    public LocalHttpServer serve(Functions functions, LocalJwt jwt, LambdaBudget budget, HealthCheck health,
                                 DevRoutes dev) {
        this.functions = functions;
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
        try (exchange) {
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
        } catch (RuntimeException e) {
            LOG.error("Local stack failed on {} {}", exchange.getRequestMethod(), exchange.getRequestURI().getPath(), e);
            try {
                HttpAnswer.json(exchange, 500, Map.of("message", "Internal Server Error"));
            } catch (IOException | RuntimeException ignored) {
                // headers may be sent already
            }
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
        } else if (path.startsWith("/c/") || path.startsWith("/s/")) {
            String prefix = path.substring(0, 3);
            invokeHttp(exchange, request, Function.FORMS, "ANY " + prefix + "{token}",
                    Map.of("token", path.substring(3)), null);
        } else if (path.equals("/staff") && "GET".equals(request.method())) {
            invokeHttp(exchange, request, Function.STAFF_API, "GET /staff", Map.of(), null);
        } else if (path.equals("/staff") || path.startsWith("/staff/")) {
            Optional<LocalJwt.Verified> verified = jwt.verify(bearer(request.header("authorization")));
            if (verified.isEmpty()) {
                exchange.getResponseHeaders().set("www-authenticate", "Bearer");
                HttpAnswer.json(exchange, 401, Map.of("message", "Unauthorized"));
                return;
            }
            invokeHttp(exchange, request, Function.STAFF_API, "ANY /staff/{proxy+}",
                    Map.of("proxy", path.length() > 7 ? path.substring(7) : ""),
                    new ApiGatewayEvents.JwtAuthorization(verified.get().claims(), verified.get().scopes()));
        } else {
            HttpAnswer.json(exchange, 404, Map.of("message", "Not Found"));
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

    private void invokeHttp(HttpExchange exchange, LocalRequest request, Function function, String routeKey,
                            Map<String, String> pathParameters, ApiGatewayEvents.JwtAuthorization jwtAuth)
            throws IOException {
        Optional<RequestHandler<Object, Object>> handler = functions.handler(function);
        if (handler.isEmpty()) {
            HttpAnswer.json(exchange, 501, Map.of("error", "not implemented"));
            return;
        }
        APIGatewayV2HTTPEvent event = ApiGatewayEvents.toEvent(request, routeKey, pathParameters, jwtAuth);
        Object result = handler.get().handleRequest(event, budget.newContext(function.id()));
        if (!(result instanceof APIGatewayV2HTTPResponse response)) {
            LOG.error("{} answered {} instead of an HTTP response", function.id(),
                    result == null ? "null" : result.getClass().getName());
            HttpAnswer.json(exchange, 502, Map.of("message", "Internal Server Error"));
            return;
        }
        ApiGatewayEvents.Written written = ApiGatewayEvents.fromResponse(response);
        HttpAnswer.write(exchange, written.status(), written.headers(), written.body());
    }

}
