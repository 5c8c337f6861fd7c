//! `validate_fields`: the checks of the constraints column.
