// MooApp module.
