package se.vagen.aws.dynamodb;

import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;

/**
 * The uniqueness item of a phone number in AspirantsTable: {@code id = "phone#<E.164>"}, owned by one active
 * aspirant. Written in the same transaction as the aspirant with "absent or mine" as the condition, so two
 * concurrent writes can never give one number to two aspirants. It carries no index attribute, so it shows
 * up in no index (and is skipped by findById).
 */
@DynamoDbBean
public class PhoneClaimItem {

    static final String PREFIX = "phone#";

    private String id;
    private String ownerId;

    static PhoneClaimItem of(String e164, String ownerId) {
        PhoneClaimItem item = new PhoneClaimItem();
        item.id = PREFIX + e164;
        item.ownerId = ownerId;
        return item;
    }

    @DynamoDbPartitionKey
    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getOwnerId() {
        return ownerId;
    }

    public void setOwnerId(String ownerId) {
        this.ownerId = ownerId;
    }
}
