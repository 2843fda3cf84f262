// TallyCompose: placeholder until the slice lands.
