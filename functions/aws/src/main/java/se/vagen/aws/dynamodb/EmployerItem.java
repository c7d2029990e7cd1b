package se.vagen.aws.dynamodb;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import se.vagen.employer.Employer;
import se.vagen.employer.EmployerContact;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbIgnoreNulls;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondaryPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondarySortKey;

/**
 * An employer in EmployersTable, keyed by the 10-digit organisationsnummer; {@code kind} = "EMPLOYER" and
 * {@code lastContact} (ISO date) feed the byLastContact index. Contacts are a nested list of maps.
 */
@DynamoDbBean
public class EmployerItem {

    static final String KIND = "EMPLOYER";

    private String orgNumber;
    private String kind;
    private String lastContact;
    private String name;
    private String industry;
    private String sizeBand;
    private List<ContactBean> contacts;
    private Instant createdAt;
    private Instant updatedAt;

    static EmployerItem from(Employer e) {
        EmployerItem item = new EmployerItem();
        item.orgNumber = e.orgNumber();
        item.kind = KIND;
        item.lastContact = e.lastContact() == null ? null : e.lastContact().toString();
        item.name = e.name();
        item.industry = e.industry();
        item.sizeBand = e.sizeBand();
        item.contacts = new ArrayList<>();
        for (EmployerContact c : e.contacts()) {
            ContactBean bean = new ContactBean();
            bean.setName(c.name());
            bean.setEmail(c.email());
            bean.setPhone(c.phone());
            bean.setRole(c.role());
            item.contacts.add(bean);
        }
        item.createdAt = e.createdAt();
        item.updatedAt = e.updatedAt();
        return item;
    }

    Employer toEmployer() {
        List<EmployerContact> list = new ArrayList<>();
        if (contacts != null) {
            for (ContactBean c : contacts) {
                list.add(new EmployerContact(c.getName(), c.getEmail(), c.getPhone(), c.getRole()));
            }
        }
        return new Employer(orgNumber, name, industry, sizeBand, lastContact == null ? null : LocalDate.parse(lastContact),
                list, createdAt, updatedAt);
    }

    @DynamoDbPartitionKey
    public String getOrgNumber() {
        return orgNumber;
    }

    public void setOrgNumber(String orgNumber) {
        this.orgNumber = orgNumber;
    }

    @DynamoDbSecondaryPartitionKey(indexNames = "byLastContact")
    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    @DynamoDbSecondarySortKey(indexNames = "byLastContact")
    public String getLastContact() {
        return lastContact;
    }

    public void setLastContact(String lastContact) {
        this.lastContact = lastContact;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getIndustry() {
        return industry;
    }

    public void setIndustry(String industry) {
        this.industry = industry;
    }

    public String getSizeBand() {
        return sizeBand;
    }

    public void setSizeBand(String sizeBand) {
        this.sizeBand = sizeBand;
    }

    @DynamoDbIgnoreNulls
    public List<ContactBean> getContacts() {
        return contacts;
    }

    public void setContacts(List<ContactBean> contacts) {
        this.contacts = contacts;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(Instant createdAt) {
        this.createdAt = createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public void setUpdatedAt(Instant updatedAt) {
        this.updatedAt = updatedAt;
    }

    /** One contact person. */
    @DynamoDbBean
    public static class ContactBean {
        private String name;
        private String email;
        private String phone;
        private String role;

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getEmail() {
            return email;
        }

        public void setEmail(String email) {
            this.email = email;
        }

        public String getPhone() {
            return phone;
        }

        public void setPhone(String phone) {
            this.phone = phone;
        }

        public String getRole() {
            return role;
        }

        public void setRole(String role) {
            this.role = role;
        }
    }
}
