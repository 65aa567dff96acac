// Field-report fixtures (F1-F3) as exact lines: see shared field-reports.md.
export const E1 =
  '{"eventName":"OnCallCreated","loginName":"oxe31001","callRef":"7001","legs":[{"deviceId":"31001","state":"RINGING_INCOMING","ringingRemote":false}],"participants":[{"participantId":"p-1","identity":{"id":{"phoneNumber":"0240123456"},"firstName":"Marc","lastName":"Olivier","type":{"main":"EXTERNAL"}},"anonymous":false}]}';

export const E2 = E1.replace('"7001"', '"7002"')
  .replace('0240123456', '+33298765432')
  .replace('"Marc"', '"Hélène"')
  .replace('"Olivier"', '"Le Bihan"');

export const ES =
  '{"eventName":"OnEventSummaryUpdated","loginName":"oxe31001","eventSummary":{"missedCallsNb":3,"voiceMessagesNb":1,"eventWaiting":true}}';

export const US = '{"eventName":"OnUserStateModified","loginName":"oxe31001","state":"BUSY"}';

export const bytes = (text: string) => new TextEncoder().encode(text);
