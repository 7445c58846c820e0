package org.broadsheet.audit;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/** One line of the audit log. Immutable: the application adds lines and never changes or removes them. */
@Entity
@Immutable
@Table(name = "audit_log")
class AuditEntry {

    static final int ACTOR_LENGTH = 64;
    static final int ACTION_LENGTH = 64;
    static final int TARGET_LENGTH = 300;
    static final int DETAIL_LENGTH = 1000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Instant occurredAt;

    private String actor;

    private String action;

    private String target;

    private String detail;

    protected AuditEntry() {
    }

    AuditEntry(Instant occurredAt, String actor, String action, String target, String detail) {
        this.occurredAt = occurredAt;
        this.actor = actor;
        this.action = action;
        this.target = target;
        this.detail = detail;
    }

    Long getId() {
        return id;
    }

    Instant getOccurredAt() {
        return occurredAt;
    }

    String getActor() {
        return actor;
    }

    String getAction() {
        return action;
    }

    String getTarget() {
        return target;
    }

    String getDetail() {
        return detail;
    }
}
