/** Admin console of Đôn đốc: the live event log, task timelines, the board, failures and replay. */
package vn.dondoc.console;
