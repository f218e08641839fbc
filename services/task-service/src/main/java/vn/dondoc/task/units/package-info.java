/** The directory of units (phòng, ban, chi cục) that tasks are assigned to, with their contacts. */
package vn.dondoc.task.units;
