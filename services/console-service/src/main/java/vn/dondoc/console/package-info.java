/** Admin console of Đôn đốc: sees every event on every topic, live. */
package vn.dondoc.console;
