package se.vagen.aws;

import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.exception.SdkServiceException;

/** Which provider errors are worth retrying later: throttling and the provider's own failures (5xx). */
public final class ProviderErrors {

    private static final Set<String> RETRYABLE_CODES = Set.of(
            "Throttling", "ThrottlingException", "Throttled", "ThrottledException", "TooManyRequestsException",
            "LimitExceededException", "RequestLimitExceeded", "ServiceUnavailable", "InternalFailure",
            "InternalError", "KMSThrottlingException");

    private ProviderErrors() {
    }

    public static boolean retryable(SdkServiceException e) {
        return e.isThrottlingException() || retryable(e.statusCode(), errorCode(e));
    }

    /** The same rule for an answer read without the SDK's service module: HTTP status and the error code (or null). */
    public static boolean retryable(int status, String errorCode) {
        return status == 429 || status >= 500 || (errorCode != null && RETRYABLE_CODES.contains(errorCode));
    }

    /** The provider's error code (e.g. MessageRejected), or the HTTP status; never the message, which may hold an address. */
    public static String errorCode(SdkServiceException e) {
        if (e instanceof AwsServiceException aws && aws.awsErrorDetails() != null
                && aws.awsErrorDetails().errorCode() != null) {
            return aws.awsErrorDetails().errorCode();
        }
        return "HTTP " + e.statusCode();
    }

    /**
     * True when the call failed for a passing reason after the SDK's own retries (no connection, throttling, the
     * provider's 5xx): worth a "try again in a while" answer. Any other SDK error is a fault of ours.
     */
    public static boolean transientFailure(SdkException e) {
        return e instanceof SdkClientException || (e instanceof SdkServiceException service && retryable(service));
    }

    /** What failed, for a log line: the provider's error code or the exception's type, never the message. */
    public static String describe(SdkException e) {
        return e instanceof SdkServiceException service ? errorCode(service) : e.getClass().getSimpleName();
    }
}
