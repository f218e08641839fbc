/** The public pages behind the signed links of reminders: a unit acknowledges its task or reports it done. */
package vn.dondoc.task.acknowledgements;
