/** The board: every task's standing in the official status categories, by lead unit, projected from the log. */
package vn.dondoc.console.board;
