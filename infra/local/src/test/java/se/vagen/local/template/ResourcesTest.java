package se.vagen.local.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.vagen.local.template.TemplateFile.list;
import static se.vagen.local.template.TemplateFile.map;
import static se.vagen.local.template.TemplateFile.properties;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Buckets, queues, topics and the references between resources. */
class ResourcesTest {

    private static final TemplateFile TEMPLATE = TemplateFile.load();
    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^!}][^}]*)}");

    static Stream<String> buckets() {
        return TEMPLATE.resourcesOfType("AWS::S3::Bucket").keySet().stream();
    }

    @ParameterizedTest
    @MethodSource("buckets")
    void bucketIsPrivateEncryptedAndExpires(String id) {
        Map<String, Object> bucket = properties(TEMPLATE.resources().get(id));
        assertEquals(Map.of("BlockPublicAcls", true, "BlockPublicPolicy", true, "IgnorePublicAcls", true,
                "RestrictPublicBuckets", true), bucket.get("PublicAccessBlockConfiguration"), id);
        Map<String, Object> rule = map(list(map(bucket.get("BucketEncryption")).get("ServerSideEncryptionConfiguration")).get(0));
        Map<String, Object> byDefault = map(rule.get("ServerSideEncryptionByDefault"));
        assertEquals("aws:kms", byDefault.get("SSEAlgorithm"), id);
        assertEquals(Map.of("Fn::GetAtt", List.of("DataKey", "Arn")), byDefault.get("KMSMasterKeyID"), id);
        assertEquals(true, rule.get("BucketKeyEnabled"), id);
        assertTrue(list(map(bucket.get("LifecycleConfiguration")).get("Rules")).stream()
                .anyMatch(r -> map(r).get("ExpirationInDays") instanceof Integer), id + ": files must expire");
    }

    @ParameterizedTest
    @MethodSource("buckets")
    void bucketRefusesPlainHttp(String id) {
        boolean denied = TEMPLATE.resourcesOfType("AWS::S3::BucketPolicy").values().stream()
                .map(TemplateFile::properties)
                .filter(p -> Map.of("Ref", id).equals(p.get("Bucket")))
                .flatMap(p -> list(map(p.get("PolicyDocument")).get("Statement")).stream().map(TemplateFile::map))
                .anyMatch(s -> "Deny".equals(s.get("Effect"))
                        && "false".equals(map(map(s.get("Condition")).get("Bool")).get("aws:SecureTransport")));
        assertTrue(denied, id + ": needs a bucket policy denying aws:SecureTransport false");
    }

    @Test
    void queuesAndTopicsAreEncrypted() {
        TEMPLATE.resourcesOfType("AWS::SQS::Queue").forEach((id, q) -> {
            Map<String, Object> p = properties(q);
            assertTrue(p.containsKey("KmsMasterKeyId") || Boolean.TRUE.equals(p.get("SqsManagedSseEnabled")), id);
        });
        TEMPLATE.resourcesOfType("AWS::SNS::Topic").forEach((id, t) ->
                assertEquals(Map.of("Ref", "DataKey"), properties(t).get("KmsMasterKeyId"), id));
    }

    @Test
    void everyReferenceNamesAParameterOrResource() {
        Set<String> known = new TreeSet<>(TEMPLATE.resources().keySet());
        known.addAll(map(TEMPLATE.content.get("Parameters")).keySet());
        Set<String> unknown = new TreeSet<>();
        walk(TEMPLATE.content, Set.of(), known, unknown);
        assertTrue(unknown.isEmpty(), "references to nothing: " + unknown);
    }

    private static void walk(Object node, Set<String> local, Set<String> known, Set<String> unknown) {
        if (node instanceof Map<?, ?> m) {
            if (m.size() == 1 && m.containsKey("Ref")) {
                check(String.valueOf(m.get("Ref")), local, known, unknown);
            } else if (m.size() == 1 && m.containsKey("Fn::GetAtt")) {
                check(String.valueOf(list(m.get("Fn::GetAtt")).get(0)), local, known, unknown);
            } else if (m.size() == 1 && m.containsKey("Fn::Sub")) {
                Object sub = m.get("Fn::Sub");
                String text = sub instanceof List<?> l ? String.valueOf(l.get(0)) : String.valueOf(sub);
                Set<String> variables = sub instanceof List<?> l && l.size() > 1 ? map(l.get(1)).keySet() : Set.of();
                Matcher matcher = SUB_VARIABLE.matcher(text);
                while (matcher.find()) {
                    check(matcher.group(1).split("\\.")[0], variables, known, unknown);
                }
                if (sub instanceof List<?> l && l.size() > 1) {
                    walk(l.get(1), local, known, unknown);
                }
                return;
            }
            m.values().forEach(v -> walk(v, local, known, unknown));
        } else if (node instanceof List<?> l) {
            l.forEach(v -> walk(v, local, known, unknown));
        }
    }

    private static void check(String name, Set<String> local, Set<String> known, Set<String> unknown) {
        // SAM's "!Ref Function.Alias": the live alias of a function with AutoPublishAlias (Globals).
        String target = name.endsWith(".Alias") ? name.substring(0, name.length() - ".Alias".length()) : name;
        if (!target.equals(name) && !TEMPLATE.resourcesOfType("AWS::Serverless::Function").containsKey(target)) {
            unknown.add(name);
        }
        if (!target.startsWith("AWS::") && !local.contains(target) && !known.contains(target)) {
            unknown.add(name);
        }
    }
}
