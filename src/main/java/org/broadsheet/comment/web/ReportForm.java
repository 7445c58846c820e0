package org.broadsheet.comment.web;

import org.broadsheet.comment.ReportReason;

/** A report of a comment: a reason, and a note (needed for "other"). */
record ReportForm(ReportReason reason, String note) {
}
