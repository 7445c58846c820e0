package org.broadsheet.article;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface FrontPagePinRepository extends JpaRepository<FrontPagePin, Long> {

    @Query("select p from FrontPagePin p order by p.slot, p.position")
    List<FrontPagePin> findAllInOrder();

    /**
     * Removes every pin at once. A bulk statement runs straight away, so new pins can take the same places in
     * the same transaction (Hibernate would flush inserts before deletes).
     */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("delete from FrontPagePin p")
    int deleteAllPins();
}
