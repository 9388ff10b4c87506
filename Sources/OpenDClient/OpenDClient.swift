// OpenDClient module.
