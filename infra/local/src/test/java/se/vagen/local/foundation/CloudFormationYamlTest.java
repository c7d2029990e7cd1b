package se.vagen.local.foundation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import se.vagen.local.schema.CloudFormationYaml;

/** Short-form intrinsic functions become their long form. */
class CloudFormationYamlTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "!Ref Stage                          | {Ref=Stage}",
            "!Sub '${Stage}-vagen'                | {Fn::Sub=${Stage}-vagen}",
            "!GetAtt DataKey.Arn                 | {Fn::GetAtt=[DataKey, Arn]}",
            "!GetAtt [DataKey, Arn]              | {Fn::GetAtt=[DataKey, Arn]}",
            "!Join ['-', [a, !Ref B]]            | {Fn::Join=[-, [a, {Ref=B}]]}",
            "!If [IsProd, 1, !Ref AWS::NoValue]  | {Fn::If=[IsProd, 1, {Ref=AWS::NoValue}]}",
            "!Select [0, !GetAZs '']             | {Fn::Select=[0, {Fn::GetAZs=}]}",
            "!Split [',', a]                     | {Fn::Split=[,, a]}",
            "!Equals [!Ref Stage, prod]          | {Fn::Equals=[{Ref=Stage}, prod]}",
            "!Not [!Condition IsProd]            | {Fn::Not=[{Condition=IsProd}]}",
            "!And [!Condition A, !Condition B]   | {Fn::And=[{Condition=A}, {Condition=B}]}",
            "!Or [!Condition A, !Condition B]    | {Fn::Or=[{Condition=A}, {Condition=B}]}",
            "!FindInMap [M, k, v]                | {Fn::FindInMap=[M, k, v]}",
            "!ImportValue shared-key             | {Fn::ImportValue=shared-key}",
            "!Base64 hello                       | {Fn::Base64=hello}",
            "!Cidr [10.0.0.0/16, 4, 8]           | {Fn::Cidr=[10.0.0.0/16, 4, 8]}",
            "!Sub ['${A}', {A: !Ref B}]           | {Fn::Sub=[${A}, {A={Ref=B}}]}"})
    void shortFormBecomesLongForm(String yaml, String expected) {
        Map<String, Object> parsed = CloudFormationYaml.parse("value: " + yaml);
        assertEquals(expected, String.valueOf(parsed.get("value")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"a: 1 | {a=1}"})
    void plainYamlStaysPlain(String yaml, String expected) {
        assertEquals(expected, CloudFormationYaml.parse(yaml).toString());
        assertEquals(List.of(1, 2), CloudFormationYaml.parse("x: [1, 2]").get("x"));
    }
}
