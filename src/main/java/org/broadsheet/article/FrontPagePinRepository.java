package org.broadsheet.article;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface FrontPagePinRepository extends JpaRepository<FrontPagePin, Long> {

    /** The count of changes to the pins, which the desk page carries so that a change is made over what it showed. */
    @Query(value = "select version from front_page where id = 1", nativeQuery = true)
    long version();

    /**
     * Counts a change to the pins if they are still at {@code seen}, locking the row until the transaction ends
     * (another editor's change waits, then finds the count moved on).
     *
     * @return 1 when the pins were at {@code seen}, else 0
     */
    @Modifying
    @Query(value = "update front_page set version = version + 1 where id = 1 and version = :seen",
            nativeQuery = true)
    int advanceVersion(@Param("seen") long seen);

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
