return 0; // placeholder until the policyaudit commands land (issue 4)
