package se.vagen.aws.dynamodb;

import java.util.Map;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondaryPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondarySortKey;

/** ForumListsTable item: one week's list summary (PK week; GSI byWeek: kind = "FORUM", week). */
@DynamoDbBean
public class ForumListItem {
    private String week;
    private String kind;
    private String generatedAt;
    private String generatedBy;
    private Integer total;
    private Map<String, Integer> countsByStatus;
    private Map<String, Integer> countsByRole;
    private String csvKey;
    private String xlsxKey;
    private String rowsKey;
    private Integer historyQueries;
    private Integer summariesStored;

    @DynamoDbPartitionKey
    @DynamoDbSecondarySortKey(indexNames = DynamoForumListRepository.BY_WEEK)
    public String getWeek() {
        return week;
    }

    public void setWeek(String week) {
        this.week = week;
    }

    @DynamoDbSecondaryPartitionKey(indexNames = DynamoForumListRepository.BY_WEEK)
    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public String getGeneratedAt() {
        return generatedAt;
    }

    public void setGeneratedAt(String generatedAt) {
        this.generatedAt = generatedAt;
    }

    public String getGeneratedBy() {
        return generatedBy;
    }

    public void setGeneratedBy(String generatedBy) {
        this.generatedBy = generatedBy;
    }

    public Integer getTotal() {
        return total;
    }

    public void setTotal(Integer total) {
        this.total = total;
    }

    public Map<String, Integer> getCountsByStatus() {
        return countsByStatus;
    }

    public void setCountsByStatus(Map<String, Integer> countsByStatus) {
        this.countsByStatus = countsByStatus;
    }

    public Map<String, Integer> getCountsByRole() {
        return countsByRole;
    }

    public void setCountsByRole(Map<String, Integer> countsByRole) {
        this.countsByRole = countsByRole;
    }

    public String getCsvKey() {
        return csvKey;
    }

    public void setCsvKey(String csvKey) {
        this.csvKey = csvKey;
    }

    public String getXlsxKey() {
        return xlsxKey;
    }

    public void setXlsxKey(String xlsxKey) {
        this.xlsxKey = xlsxKey;
    }

    public String getRowsKey() {
        return rowsKey;
    }

    public void setRowsKey(String rowsKey) {
        this.rowsKey = rowsKey;
    }

    public Integer getHistoryQueries() {
        return historyQueries;
    }

    public void setHistoryQueries(Integer historyQueries) {
        this.historyQueries = historyQueries;
    }

    public Integer getSummariesStored() {
        return summariesStored;
    }

    public void setSummariesStored(Integer summariesStored) {
        this.summariesStored = summariesStored;
    }
}
