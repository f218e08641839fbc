/** Understands deadlines as Vietnamese notices and plans write them ("trước ngày 30/6/2026", "Quý IV/2025"). */
package vn.dondoc.task.deadlines;
