package se.vagen.local.forum;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.DoubleAdder;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Benchmark only: an SDK-wide execution interceptor (registered in
 * {@code software/amazon/awssdk/global/handlers/execution.interceptors} of the test classpath) that does nothing
 * unless the system property {@code vagen.benchmark.capacity=true} is set, as in the benchmark's child JVM. Then
 * every DynamoDB Query asks for {@code ReturnConsumedCapacity=TOTAL}, and the capacity DynamoDB reports, the size
 * of the items read (DynamoDB's item-size rules) and the per-request floor (each request rounds its bytes up to
 * 4 KB) are added up.
 */
public class CapacityMeter implements ExecutionInterceptor {

    public static final DoubleAdder CONSUMED = new DoubleAdder();
    public static final AtomicLong ITEM_BYTES = new AtomicLong();
    public static final AtomicLong ITEMS = new AtomicLong();
    public static final AtomicLong QUERIES = new AtomicLong();
    /** Sum over requests of ceil(bytes / 4 KB) x 0.5 (eventually consistent), in half units. */
    public static final AtomicLong REQUEST_FLOOR_HALF_UNITS = new AtomicLong();

    /** Write capacity of UpdateItem calls while {@code vagen.benchmark.writes=true}: "table" or "table/index" -> WCU. */
    public static final Map<String, DoubleAdder> WRITES = new ConcurrentHashMap<>();
    public static final Map<String, AtomicLong> WRITE_CALLS = new ConcurrentHashMap<>();

    private static boolean writesOn() {
        return Boolean.getBoolean("vagen.benchmark.writes");
    }

    private static boolean on() {
        return Boolean.getBoolean("vagen.benchmark.capacity");
    }

    @Override
    public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
        if (on() && context.request() instanceof QueryRequest q) {
            return q.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build();
        }
        if (writesOn() && context.request() instanceof UpdateItemRequest u) {
            return u.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.INDEXES).build();
        }
        return context.request();
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        if (on() && context.response() instanceof QueryResponse r && context.request() instanceof QueryRequest q) {
            record(r, Boolean.TRUE.equals(q.consistentRead()));
        }
        if (writesOn() && context.response() instanceof UpdateItemResponse u && u.consumedCapacity() != null) {
            ConsumedCapacity c = u.consumedCapacity();
            String table = c.tableName();
            WRITE_CALLS.computeIfAbsent(table, k -> new AtomicLong()).incrementAndGet();
            double tableUnits = c.table() != null && c.table().capacityUnits() != null ? c.table().capacityUnits()
                    : c.capacityUnits() == null ? 0 : c.capacityUnits();
            WRITES.computeIfAbsent(table, k -> new DoubleAdder()).add(tableUnits);
            if (c.globalSecondaryIndexes() != null) {
                c.globalSecondaryIndexes().forEach((index, cap) -> WRITES.computeIfAbsent(table + "/" + index,
                        k -> new DoubleAdder()).add(cap.capacityUnits() == null ? 0 : cap.capacityUnits()));
            }
        }
    }

    private static void record(QueryResponse response, boolean consistent) {
        QUERIES.incrementAndGet();
        if (response.consumedCapacity() != null && response.consumedCapacity().capacityUnits() != null) {
            CONSUMED.add(response.consumedCapacity().capacityUnits());
        }
        long bytes = 0;
        for (Map<String, AttributeValue> item : response.items()) {
            bytes += itemSize(item);
        }
        ITEMS.addAndGet(response.items().size());
        ITEM_BYTES.addAndGet(bytes);
        long blocks = Math.max(1, (bytes + 4095) / 4096);
        REQUEST_FLOOR_HALF_UNITS.addAndGet(consistent ? 2 * blocks : blocks);
    }

    public static long itemSize(Map<String, AttributeValue> item) {
        long size = 0;
        for (Map.Entry<String, AttributeValue> e : item.entrySet()) {
            size += e.getKey().getBytes(StandardCharsets.UTF_8).length + valueSize(e.getValue());
        }
        return size;
    }

    static long valueSize(AttributeValue v) {
        if (v.s() != null) {
            return v.s().getBytes(StandardCharsets.UTF_8).length;
        }
        if (v.n() != null) {
            String digits = v.n().replaceAll("[^0-9]", "").replaceAll("^0+", "");
            return 1 + (digits.length() + 1) / 2;
        }
        if (v.bool() != null || Boolean.TRUE.equals(v.nul())) {
            return 1;
        }
        if (v.b() != null) {
            return v.b().asByteArray().length;
        }
        if (v.hasL()) {
            long s = 3;
            for (AttributeValue e : v.l()) {
                s += 1 + valueSize(e);
            }
            return s;
        }
        if (v.hasM()) {
            long s = 3;
            for (Map.Entry<String, AttributeValue> e : v.m().entrySet()) {
                s += 1 + e.getKey().getBytes(StandardCharsets.UTF_8).length + valueSize(e.getValue());
            }
            return s;
        }
        if (v.hasSs()) {
            return v.ss().stream().mapToLong(x -> x.getBytes(StandardCharsets.UTF_8).length).sum();
        }
        if (v.hasNs()) {
            return v.ns().stream().mapToLong(x -> 1 + (x.length() + 1) / 2).sum();
        }
        if (v.hasBs()) {
            List<SdkBytes> bs = v.bs();
            return bs.stream().mapToLong(x -> x.asByteArray().length).sum();
        }
        return 1;
    }
}
