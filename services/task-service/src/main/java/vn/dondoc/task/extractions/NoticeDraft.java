package vn.dondoc.task.extractions;

import java.util.List;

/** A notice read into document metadata and one draft task per actionable item, in document order. */
public record NoticeDraft(DocumentInfo document, List<DraftItem> items) {
}
