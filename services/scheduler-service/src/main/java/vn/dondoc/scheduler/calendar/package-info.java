/** Working days and hours in Vietnam (weekends, public holidays, Tết) that reminders are held to. */
package vn.dondoc.scheduler.calendar;
