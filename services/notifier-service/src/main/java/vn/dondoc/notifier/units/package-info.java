/** The notifier's copy of the unit directory: whom to write to, read from the compacted units topic. */
package vn.dondoc.notifier.units;
