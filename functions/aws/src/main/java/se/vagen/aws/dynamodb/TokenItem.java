package se.vagen.aws.dynamodb;

import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;

/** One stored link in TokensTable. Wrapper types so partial updates (ignoreNulls) touch only what is set. */
@DynamoDbBean
public class TokenItem {
    private String tokenHash;
    private String purpose;
    private String subjectId;
    private String reference;
    private String language;
    private String validUntil;
    private Boolean singleUse;
    private String usedAt;
    private Long expiresAt;

    @DynamoDbPartitionKey
    public String getTokenHash() { return tokenHash; }
    public void setTokenHash(String tokenHash) { this.tokenHash = tokenHash; }
    public String getPurpose() { return purpose; }
    public void setPurpose(String purpose) { this.purpose = purpose; }
    public String getSubjectId() { return subjectId; }
    public void setSubjectId(String subjectId) { this.subjectId = subjectId; }
    public String getReference() { return reference; }
    public void setReference(String reference) { this.reference = reference; }
    public String getLanguage() { return language; }
    public void setLanguage(String language) { this.language = language; }
    public String getValidUntil() { return validUntil; }
    public void setValidUntil(String validUntil) { this.validUntil = validUntil; }
    public Boolean getSingleUse() { return singleUse; }
    public void setSingleUse(Boolean singleUse) { this.singleUse = singleUse; }
    public String getUsedAt() { return usedAt; }
    public void setUsedAt(String usedAt) { this.usedAt = usedAt; }
    public Long getExpiresAt() { return expiresAt; }
    public void setExpiresAt(Long expiresAt) { this.expiresAt = expiresAt; }
}
