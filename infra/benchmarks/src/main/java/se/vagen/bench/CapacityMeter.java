package se.vagen.bench;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.DoubleAdder;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * Counts DynamoDB capacity for the scale runs. Registered as an SDK global interceptor (resource
 * software/amazon/awssdk/global/handlers/execution.interceptors, only on the benchmark's class path), so every
 * DynamoDB client of the in-process local stack asks for {@code ReturnConsumedCapacity=TOTAL} and the
 * consumed read and write units DynamoDB Local reports are summed here, per table and operation.
 * The adapters themselves are not changed.
 */
public final class CapacityMeter implements ExecutionInterceptor {

    /** Totals since the last {@link #reset()}. */
    public record Totals(double readUnits, double writeUnits, Map<String, Long> calls, Map<String, Double> writeUnitsByTable) {
    }

    private static final DoubleAdder READ = new DoubleAdder();
    private static final DoubleAdder WRITE = new DoubleAdder();
    private static final Map<String, AtomicLong> CALLS = new ConcurrentHashMap<>();
    private static final Map<String, DoubleAdder> WRITE_BY_TABLE = new ConcurrentHashMap<>();

    public static void reset() {
        READ.reset();
        WRITE.reset();
        CALLS.clear();
        WRITE_BY_TABLE.clear();
    }

    public static Totals totals() {
        Map<String, Long> calls = new java.util.TreeMap<>();
        CALLS.forEach((k, v) -> calls.put(k, v.get()));
        Map<String, Double> byTable = new java.util.TreeMap<>();
        WRITE_BY_TABLE.forEach((k, v) -> byTable.put(k, v.sum()));
        return new Totals(READ.sum(), WRITE.sum(), calls, byTable);
    }

    @Override
    public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
        SdkRequest request = context.request();
        ReturnConsumedCapacity total = ReturnConsumedCapacity.TOTAL;
        if (request instanceof PutItemRequest r && r.returnConsumedCapacity() == null) {
            return r.toBuilder().returnConsumedCapacity(total).build();
        }
        if (request instanceof UpdateItemRequest r && r.returnConsumedCapacity() == null) {
            return r.toBuilder().returnConsumedCapacity(total).build();
        }
        if (request instanceof DeleteItemRequest r && r.returnConsumedCapacity() == null) {
            return r.toBuilder().returnConsumedCapacity(total).build();
        }
        if (request instanceof BatchWriteItemRequest r && r.returnConsumedCapacity() == null) {
            return r.toBuilder().returnConsumedCapacity(total).build();
        }
        if (request instanceof TransactWriteItemsRequest r && r.returnConsumedCapacity() == null) {
            return r.toBuilder().returnConsumedCapacity(total).build();
        }
        if (request instanceof GetItemRequest r && r.returnConsumedCapacity() == null) {
            return r.toBuilder().returnConsumedCapacity(total).build();
        }
        if (request instanceof QueryRequest r && r.returnConsumedCapacity() == null) {
            return r.toBuilder().returnConsumedCapacity(total).build();
        }
        if (request instanceof ScanRequest r && r.returnConsumedCapacity() == null) {
            return r.toBuilder().returnConsumedCapacity(total).build();
        }
        if (request instanceof BatchGetItemRequest r && r.returnConsumedCapacity() == null) {
            return r.toBuilder().returnConsumedCapacity(total).build();
        }
        if (request instanceof TransactGetItemsRequest r && r.returnConsumedCapacity() == null) {
            return r.toBuilder().returnConsumedCapacity(total).build();
        }
        return request;
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        SdkResponse response = context.response();
        String operation = context.request().getClass().getSimpleName().replace("Request", "");
        CALLS.computeIfAbsent(operation, k -> new AtomicLong()).incrementAndGet();
        if (response instanceof PutItemResponse r) {
            write(r.consumedCapacity());
        } else if (response instanceof UpdateItemResponse r) {
            write(r.consumedCapacity());
        } else if (response instanceof DeleteItemResponse r) {
            write(r.consumedCapacity());
        } else if (response instanceof BatchWriteItemResponse r) {
            r.consumedCapacity().forEach(CapacityMeter::write);
        } else if (response instanceof TransactWriteItemsResponse r) {
            r.consumedCapacity().forEach(CapacityMeter::write);
        } else if (response instanceof GetItemResponse r) {
            read(r.consumedCapacity());
        } else if (response instanceof QueryResponse r) {
            read(r.consumedCapacity());
        } else if (response instanceof ScanResponse r) {
            read(r.consumedCapacity());
        } else if (response instanceof BatchGetItemResponse r) {
            r.consumedCapacity().forEach(CapacityMeter::read);
        } else if (response instanceof TransactGetItemsResponse r) {
            r.consumedCapacity().forEach(CapacityMeter::read);
        }
    }

    private static void write(ConsumedCapacity capacity) {
        if (capacity == null) {
            return;
        }
        double units = capacity.capacityUnits() != null ? capacity.capacityUnits()
                : capacity.writeCapacityUnits() == null ? 0 : capacity.writeCapacityUnits();
        WRITE.add(units);
        WRITE_BY_TABLE.computeIfAbsent(String.valueOf(capacity.tableName()), k -> new DoubleAdder()).add(units);
    }

    private static void read(ConsumedCapacity capacity) {
        if (capacity == null) {
            return;
        }
        READ.add(capacity.capacityUnits() != null ? capacity.capacityUnits()
                : capacity.readCapacityUnits() == null ? 0 : capacity.readCapacityUnits());
    }

    static List<String> operations() {
        return List.copyOf(CALLS.keySet());
    }
}
