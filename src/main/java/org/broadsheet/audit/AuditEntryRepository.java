package org.broadsheet.audit;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

interface AuditEntryRepository extends JpaRepository<AuditEntry, Long>, JpaSpecificationExecutor<AuditEntry> {

    @Query("select distinct e.actor from AuditEntry e where e.actor is not null order by e.actor")
    List<String> actors();

    @Query("select distinct e.action from AuditEntry e order by e.action")
    List<String> actions();
}
