package se.vagen.staffapi;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import se.vagen.aspirant.Activity;
import se.vagen.aspirant.ActivityPlan;
import se.vagen.aspirant.Aspirant;
import se.vagen.aspirant.PlanPause;
import se.vagen.aspirant.PlanState;
import se.vagen.aspirant.Profile;
import se.vagen.audit.AuditEntry;
import se.vagen.checkin.CheckIn;
import se.vagen.csvimport.ImportReport;
import se.vagen.employer.Employer;
import se.vagen.employer.EmployerContact;

/** The JSON the staff API answers with (API.md field names; dates ISO, times ISO-8601 UTC). */
final class Views {

    private Views() {
    }

    static String date(LocalDate day) {
        return day == null ? null : day.toString();
    }

    static String time(Instant at) {
        return at == null ? null : at.toString();
    }

    /** One aspirant in full: the record, plan, profile, status, opt-outs and check-in history. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record AspirantView(String id, String name, String phone, String email, String language, String channel,
            String contactRoleOwner, String checkInCadence, PlanView plan, ProfileView profile, String status,
            int missedCheckIns, OptOutView optedOut, List<CheckInView> checkIns, String createdAt, String updatedAt) {

        static AspirantView of(Aspirant a, LocalDate today, List<CheckIn> history) {
            return new AspirantView(a.id(), a.name(), a.phone(), a.email(),
                    a.language() == null ? null : a.language().code(),
                    a.channel() == null ? null : a.channel().code(),
                    a.ownerRole(), a.cadence().name(), PlanView.of(a.plan()), ProfileView.of(a.profile()),
                    PlanState.of(a.plan(), today).name(), a.missedCheckIns(),
                    new OptOutView(a.optedOut().sms(), a.optedOut().email()),
                    history.stream().map(CheckInView::of).toList(), time(a.createdAt()), time(a.updatedAt()));
        }
    }

    /** A row of the staff list: no profile facts (they stay out of lists). */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record AspirantSummary(String id, String name, String phone, String email, String language, String channel,
            String contactRoleOwner, String planStart, String planEnd, String status, int missedCheckIns) {

        static AspirantSummary of(Aspirant a, LocalDate today) {
            return new AspirantSummary(a.id(), a.name(), a.phone(), a.email(),
                    a.language() == null ? null : a.language().code(),
                    a.channel() == null ? null : a.channel().code(), a.ownerRole(),
                    a.plan() == null ? null : date(a.plan().start()), a.plan() == null ? null : date(a.plan().end()),
                    PlanState.of(a.plan(), today).name(), a.missedCheckIns());
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record AspirantPage(List<AspirantSummary> items, String nextCursor) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record PlanView(String start, String end, List<ActivityView> activities, List<PauseView> pauses) {
        static PlanView of(ActivityPlan plan) {
            if (plan == null) {
                return null;
            }
            return new PlanView(date(plan.start()), date(plan.end()),
                    plan.activities().stream().map(ActivityView::of).toList(),
                    plan.pauses().stream().map(PauseView::of).toList());
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record ActivityView(String type, double hoursPerWeek, String provider, String start, String end) {
        static ActivityView of(Activity a) {
            return new ActivityView(a.type().name(), a.hoursPerWeek(), a.provider(), date(a.start()), date(a.end()));
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record PauseView(String start, String end, String reason) {
        static PauseView of(PlanPause p) {
            return new PauseView(date(p.start()), date(p.end()), p.reason().name());
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ProfileView(String gender, Integer birthYear, String educationLevel, String previousOccupation) {
        static ProfileView of(Profile p) {
            return p == null || p.equals(Profile.EMPTY) ? null
                    : new ProfileView(p.gender(), p.birthYear(), p.educationLevel(), p.previousOccupation());
        }
    }

    @Serdeable
    record OptOutView(boolean sms, boolean email) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record CheckInView(String cycle, String status, String channel, boolean viaForm, String participation,
            Integer wellbeing, List<String> helpNeeded, String freeText, String answeredAt) {
        static CheckInView of(CheckIn c) {
            return new CheckInView(c.cycle(), c.status() == null ? null : c.status().name(),
                    c.channel() == null ? null : c.channel().code(), c.viaForm(),
                    c.participation() == null ? null : c.participation().name(), c.wellbeing(),
                    c.helpNeeded().stream().map(Enum::name).toList(), c.freeText(), time(c.answeredAt()));
        }
    }

    @Serdeable
    record Created(String id) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record EmployerView(String orgNumber, String orgNumberFormatted, String name, String industry, String sizeBand,
            String lastContact, List<ContactView> contacts, String createdAt, String updatedAt) {
        static EmployerView of(Employer e) {
            return new EmployerView(e.orgNumber(), e.displayOrgNumber(), e.name(), e.industry(), e.sizeBand(),
                    date(e.lastContact()), e.contacts().stream().map(ContactView::of).toList(),
                    time(e.createdAt()), time(e.updatedAt()));
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record ContactView(String name, String email, String phone, String role) {
        static ContactView of(EmployerContact c) {
            return new ContactView(c.name(), c.email(), c.phone(), c.role());
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record EmployerPage(List<EmployerView> items, String nextCursor) {
    }

    @Serdeable
    record AuditView(String at, String actor, String action, String detail) {
        static AuditView of(AuditEntry e) {
            return new AuditView(time(e.at()), e.actor(), e.action(), e.detail());
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record AuditPage(String recordKey, List<AuditView> items) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record ImportView(int created, int updated, int unchanged, int failed, List<RowView> rows,
            List<String> ignoredColumns) {
        static ImportView of(ImportReport r) {
            return new ImportView(r.created(), r.updated(), r.unchanged(), r.failed(),
                    r.rows().stream().map(RowView::of).toList(), r.ignoredColumns());
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record RowView(int row, String status, String id, List<ApiError.FieldProblem> errors) {
        static RowView of(ImportReport.RowResult r) {
            return new RowView(r.row(), r.status(), r.id(),
                    r.errors().stream().map(ApiError.FieldProblem::of).toList());
        }
    }
}
