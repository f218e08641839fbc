package vn.dondoc.events;

public enum Channel {
    EMAIL, SMS
}
