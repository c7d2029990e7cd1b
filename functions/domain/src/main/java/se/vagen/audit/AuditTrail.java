package se.vagen.audit;

import java.util.List;

/** The audit trail of staff writes, views and download links; queryable per record. */
public interface AuditTrail {
    void record(AuditEntry entry);

    /** The record's entries, oldest first. */
    List<AuditEntry> entriesFor(String recordKey);
}
