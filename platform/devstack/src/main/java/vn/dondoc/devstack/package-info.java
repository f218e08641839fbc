/** The local stack: real infrastructure in-process and the four services as processes, for a developer's machine. */
package vn.dondoc.devstack;
