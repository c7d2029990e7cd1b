package se.vagen.local.http;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.micronaut.context.ApplicationContext;
import java.lang.reflect.InvocationTargetException;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The six function handlers, made by class name with the stack's one shared application context. A handler
 * whose class is not built yet is absent: its routes answer 501 and its job cannot run.
 */
public final class Functions {

    private static final Logger LOG = LoggerFactory.getLogger(Functions.class);

    /** The functions of template.yaml with their handler classes. */
    public enum Function {
        FORMS("forms", "se.vagen.forms.FormsFunction"),
        STAFF_API("staff-api", "se.vagen.staffapi.StaffApiFunction"),
        INBOUND_MESSAGES("inbound-messages", "se.vagen.inbound.InboundMessagesFunction"),
        CHECKIN_REMINDERS("checkin-reminders", "se.vagen.reminders.CheckinRemindersFunction"),
        SURVEY_LINKS("survey-links", "se.vagen.surveylinks.SurveyLinksFunction"),
        FORUM_LIST("forum-list", "se.vagen.forumlist.ForumListFunction");

        private final String id;
        private final String handlerClass;

        Function(String id, String handlerClass) {
            this.id = id;
            this.handlerClass = handlerClass;
        }

        public String id() {
            return id;
        }

        public String handlerClass() {
            return handlerClass;
        }

        /** The scheduled job of that name (checkin-reminders, forum-list, survey-links), if any. */
        public static Optional<Function> job(String name) {
            for (Function f : new Function[] {CHECKIN_REMINDERS, FORUM_LIST, SURVEY_LINKS}) {
                if (f.id.equals(name)) {
                    return Optional.of(f);
                }
            }
            return Optional.empty();
        }
    }

    private final Map<Function, RequestHandler<Object, Object>> handlers = new EnumMap<>(Function.class);
    private final Map<String, RequestHandler<Object, Object>> byClass = new java.util.concurrent.ConcurrentHashMap<>();
    private ApplicationContext context;

    private Functions() {
    }

    /** Instantiates every handler that exists, each with {@code context}. */
    public static Functions load(ApplicationContext context) {
        Functions functions = new Functions();
        functions.context = context;
        for (Function function : Function.values()) {
            functions.byClassName(function.handlerClass()).ifPresent(h -> functions.handlers.put(function, h));
        }
        return functions;
    }

    /** The handler of that class (made once, with the shared context), or empty when the class is not built. */
    public synchronized Optional<RequestHandler<Object, Object>> byClassName(String handlerClass) {
        RequestHandler<Object, Object> known = byClass.get(handlerClass);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<RequestHandler<Object, Object>> made = instantiate(handlerClass, context);
        made.ifPresent(h -> byClass.put(handlerClass, h));
        return made;
    }

    @SuppressWarnings("unchecked")
    private static Optional<RequestHandler<Object, Object>> instantiate(String handlerClass, ApplicationContext context) {
        Class<?> type;
        try {
            type = Class.forName(handlerClass, true, Functions.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            LOG.debug("{} is not built yet: its routes answer 501", handlerClass);
            return Optional.empty();
        }
        try {
            Object handler = type.getConstructor(ApplicationContext.class).newInstance(context);
            if (!(handler instanceof RequestHandler<?, ?>)) {
                throw new IllegalStateException(handlerClass + " is not a Lambda RequestHandler");
            }
            return Optional.of((RequestHandler<Object, Object>) handler);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(handlerClass
                    + " needs a public constructor taking an ApplicationContext (the local stack shares one)", e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("Cannot start " + handlerClass + ": " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot start " + handlerClass, e);
        }
    }

    public Optional<RequestHandler<Object, Object>> handler(Function function) {
        return Optional.ofNullable(handlers.get(function));
    }

    /** The handler, or {@link NotBuilt}. */
    public RequestHandler<Object, Object> require(Function function) {
        return handler(function).orElseThrow(() -> new NotBuilt(function));
    }

    /** A function whose handler class is not built yet. */
    public static final class NotBuilt extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotBuilt(Function function) {
            super("Function " + function.id() + " is not implemented yet (" + function.handlerClass() + ")");
        }
    }

    public boolean has(Function function) {
        return handlers.containsKey(function);
    }
}
