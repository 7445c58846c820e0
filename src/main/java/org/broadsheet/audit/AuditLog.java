package org.broadsheet.audit;

import java.util.ArrayList;
import java.util.List;

import org.broadsheet.shared.Datelines;
import org.broadsheet.shared.Datelines.Dateline;
import org.broadsheet.shared.PagedResult;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the audit log for administrators: newest first, optionally only one person's actions or one kind of
 * action. There is deliberately no way to change or delete a line.
 */
@Service
@Transactional(readOnly = true)
public class AuditLog {

    public static final int PAGE_SIZE = 50;

    private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("occurredAt"), Sort.Order.desc("id"));

    private final AuditEntryRepository entries;
    private final Datelines datelines;

    AuditLog(AuditEntryRepository entries, Datelines datelines) {
        this.entries = entries;
        this.datelines = datelines;
    }

    /**
     * One page of the log.
     *
     * @param actor only what this username did, or null for everyone
     * @param action only this action code, or null for every action
     * @param page from 1
     */
    public AuditPage page(String actor, String action, int page) {
        List<Specification<AuditEntry>> filters = new ArrayList<>();
        if (actor != null) {
            filters.add((entry, query, cb) -> cb.equal(entry.get("actor"), actor));
        }
        if (action != null) {
            filters.add((entry, query, cb) -> cb.equal(entry.get("action"), action));
        }
        Page<AuditEntry> found = entries.findAll(Specification.allOf(filters),
                PageRequest.of(page - 1, PAGE_SIZE, NEWEST_FIRST));
        List<AuditRecord> records = found.getContent().stream().map(e -> new AuditRecord(e.getId(),
                datelines.of(e.getOccurredAt()), e.getActor(), e.getAction(), e.getTarget(), e.getDetail())).toList();
        return new AuditPage(new PagedResult<>(records, page, PAGE_SIZE, found.getTotalElements()),
                entries.actors(), entries.actions());
    }

    /** A line of the log as the page shows it; {@code actor} is null when the site itself acted. */
    public record AuditRecord(long id, Dateline when, String actor, String action, String target, String detail) {
    }

    /** A page of lines, with everyone who appears in the log and every action in it, for the filters. */
    public record AuditPage(PagedResult<AuditRecord> entries, List<String> actors, List<String> actions) {
    }
}
