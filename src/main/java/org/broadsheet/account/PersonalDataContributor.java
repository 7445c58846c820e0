package org.broadsheet.account;

/**
 * A module that keeps data about an account adds it to the account's "download my data" export.
 */
public interface PersonalDataContributor {

    /** The key of this module's part in the export, e.g. {@code "comments"}. */
    String name();

    /** Plain data (records, lists, maps, strings) that serialises to JSON. */
    Object dataFor(long accountId);
}
