<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ur" sourcelanguage="en_GB">
<context>
    <name>nurse</name>
    <message>
        <source>For IT: {title}. {hint}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OK</source>
        <translation type="unfinished">ٹھیک ہے</translation>
    </message>
    <message>
        <source>No nurse has been set up on this kiosk yet. Type the one-time set-up code from ward IT, then your own name and PIN: you will use them to start discharges, sign them off and close the kiosk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>12 digits from ward IT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1. Set-up code from ward IT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Sam Taylor, RN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>2. Your name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start the PIN again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>3. Choose a PIN ({rule}, not an easy one like 123456 or 000000).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>4. Type the same PIN again to make sure.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next</source>
        <translation type="unfinished">آگے</translation>
    </message>
    <message>
        <source>Set up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. L5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a medicine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medicine given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reprint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Abandon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Locked after too many wrong PINs today. Unlock an account only after checking with that nurse.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No discharges yet today. Tap “New discharge” to start one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close kiosk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New discharge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlock {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished">منسوخ کریں</translation>
    </message>
    <message>
        <source>Hand to patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1. Procedure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which procedure did the patient have?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why is it right to use it today?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason for using this leaflet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>2. Patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full name, as on the wristband</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DD/MM/YYYY</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From the wristband</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NHS number (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished">نام</translation>
    </message>
    <message>
        <source>Hospital number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>3. The procedure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When it ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medicines given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>4. About the patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Large print sheet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The patient&apos;s language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{refused} ({approver})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This leaflet is a DRAFT: nobody has approved it for use yet ({approver}). Use it only if you are sure its advice is right, and record why. Its sheet says DRAFT - not yet approved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This leaflet passed its review date on {review}. Use it only if you are sure its advice is still right, and record why. Tell the leaflet team it needs reviewing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This leaflet is due for review on {review}: please tell the leaflet team.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing in this leaflet depends on the patient&apos;s medical details: no questions here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 thing to put right: see the messages above</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} things to put right: see the messages above</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your PIN is too short for this kiosk now. Choose a new PIN of {least} to {most} digits before you go on; not an easy one like 123456, 121212 or 000000.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1. Tap your name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>2. Type your PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking your PIN...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printed - sheet in hand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Or tap a common reason:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Right first time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Right at the second attempt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Still wrong: go over this with the patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nurse decisions recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calls for help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the patient confirmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who is looking after them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discharge checklist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick each one you have checked with the patient.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back</source>
        <translation type="unfinished">پیچھے</translation>
    </message>
    <message>
        <source>Sign off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} · born {born} · {number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not confirmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{outcome}. Chose: {chosen}. Right answer: {right}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; then </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ Gone over with the patient ({gone_over}: recorded)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No check questions for this procedure.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot sign off yet:
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to sign off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot sign off yet: see the box on the right.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick the checklist to sign off ({left} left).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready: you will be asked for your PIN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page {current} of {count}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please ask a nurse to start your discharge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nurse: start or resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What IT should do</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The patient will read the procedure in {language} (draft translation: give a reason).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The patient will read the procedure in {language}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The patient will read the procedure in English: {reason}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This leaflet is a DRAFT, not yet approved for use, and this ward does not use drafts. Ask the leaflet team to approve it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I went over this with the patient</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>patient</name>
    <message>
        <source>Correct: “{answer}” is the right answer.</source>
        <translation type="unfinished">درست: “{answer}” صحیح جواب ہے۔</translation>
    </message>
    <message>
        <source>Not quite. Please read this, then try again.</source>
        <translation type="unfinished">پوری طرح نہیں۔ براہ کرم یہ پڑھیں، پھر دوبارہ کوشش کریں۔</translation>
    </message>
    <message>
        <source>Not quite. The right answer is “{answer}”. The nurse will go over this with you.</source>
        <translation type="unfinished">پوری طرح نہیں۔ صحیح جواب “{answer}” ہے۔ نرس آپ کے ساتھ اس پر بات کرے گی۔</translation>
    </message>
    <message>
        <source>Step {number} of {total}</source>
        <translation type="unfinished">مرحلہ {number} از {total}</translation>
    </message>
    <message>
        <source>Question {number} of {total}</source>
        <translation type="unfinished">سوال {number} از {total}</translation>
    </message>
    <message>
        <source>Space</source>
        <translation type="unfinished">خالی جگہ</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation type="unfinished">سب مٹائیں</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished">مٹائیں</translation>
    </message>
    <message>
        <source>OK</source>
        <translation type="unfinished">ٹھیک ہے</translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished">ہو گیا</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished">منسوخ کریں</translation>
    </message>
    <message>
        <source>Tap to enter</source>
        <translation type="unfinished">لکھنے کے لیے چھوئیں</translation>
    </message>
    <message>
        <source>Read this to me</source>
        <translation type="unfinished">مجھے یہ پڑھ کر سنائیں</translation>
    </message>
    <message>
        <source>I need help</source>
        <translation type="unfinished">مجھے مدد چاہیے</translation>
    </message>
    <message>
        <source>Nurse</source>
        <translation type="unfinished">نرس</translation>
    </message>
    <message>
        <source>Stop reading</source>
        <translation type="unfinished">پڑھنا بند کریں</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation type="unfinished">شریک حیات</translation>
    </message>
    <message>
        <source>Son or daughter</source>
        <translation type="unfinished">بیٹا یا بیٹی</translation>
    </message>
    <message>
        <source>Friend</source>
        <translation type="unfinished">دوست</translation>
    </message>
    <message>
        <source>Parent</source>
        <translation type="unfinished">والد یا والدہ</translation>
    </message>
    <message>
        <source>Who is looking after you?</source>
        <translation type="unfinished">آپ کی دیکھ بھال کون کر رہا ہے؟</translation>
    </message>
    <message>
        <source>Their name</source>
        <translation type="unfinished">ان کا نام</translation>
    </message>
    <message>
        <source>For example: wife, son, friend</source>
        <translation type="unfinished">مثلاً: بیوی، بیٹا، دوست</translation>
    </message>
    <message>
        <source>Their phone number</source>
        <translation type="unfinished">ان کا فون نمبر</translation>
    </message>
    <message>
        <source>Tap to type</source>
        <translation type="unfinished">لکھنے کے لیے چھوئیں</translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished">نام</translation>
    </message>
    <message>
        <source>Who they are to you</source>
        <translation type="unfinished">وہ آپ کے کیا لگتے ہیں</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished">فون</translation>
    </message>
    <message>
        <source>Back</source>
        <translation type="unfinished">پیچھے</translation>
    </message>
    <message>
        <source>Nobody is staying with me</source>
        <translation type="unfinished">میرے ساتھ کوئی نہیں رہے گا</translation>
    </message>
    <message>
        <source>They will stay with me</source>
        <translation type="unfinished">وہ میرے ساتھ رہیں گے</translation>
    </message>
    <message>
        <source>An adult must take you home and stay with you for {hours} hours: until {until}. They must not leave you alone before then.</source>
        <translation type="unfinished">ایک بالغ شخص کو آپ کو گھر لے جانا ہے اور {hours} گھنٹے آپ کے ساتھ رہنا ہے: {until} تک۔ وہ اس سے پہلے آپ کو اکیلا نہ چھوڑیں۔</translation>
    </message>
    <message>
        <source>Are you still there?</source>
        <translation type="unfinished">کیا آپ ابھی بھی یہاں ہیں؟</translation>
    </message>
    <message>
        <source>For your privacy, this screen will close soon. Touch the button to carry on.</source>
        <translation type="unfinished">آپ کی رازداری کے لیے یہ اسکرین جلد بند ہو جائے گی۔ جاری رکھنے کے لیے بٹن کو چھوئیں۔</translation>
    </message>
    <message>
        <source>Yes, I am still here</source>
        <translation type="unfinished">جی ہاں، میں یہاں ہوں</translation>
    </message>
    <message>
        <source>1 second</source>
        <translation type="unfinished">1 سیکنڈ</translation>
    </message>
    <message>
        <source>{seconds} seconds</source>
        <translation type="unfinished">{seconds} سیکنڈ</translation>
    </message>
    <message>
        <source>Next</source>
        <translation type="unfinished">آگے</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation type="unfinished">دوبارہ کوشش کریں</translation>
    </message>
    <message>
        <source>Thank you</source>
        <translation type="unfinished">شکریہ</translation>
    </message>
    <message>
        <source>You have finished. Please hand the tablet back to your nurse.</source>
        <translation type="unfinished">آپ نے مکمل کر لیا ہے۔ براہ کرم ٹیبلٹ اپنی نرس کو واپس دیں۔</translation>
    </message>
    <message>
        <source>Nurse: take the tablet back</source>
        <translation type="unfinished">نرس: ٹیبلٹ واپس لیں</translation>
    </message>
    <message>
        <source>Thank you, {name}</source>
        <translation type="unfinished">شکریہ، {name}</translation>
    </message>
    <message>
        <source>Please ask a nurse</source>
        <translation type="unfinished">براہ کرم نرس سے پوچھیں</translation>
    </message>
    <message>
        <source>You need an adult to stay with you for 24 hours after this procedure. A nurse will talk to you about how to get home safely.</source>
        <translation type="unfinished">اس عمل کے بعد 24 گھنٹے تک کسی بالغ شخص کا آپ کے ساتھ رہنا ضروری ہے۔ نرس آپ سے محفوظ طریقے سے گھر پہنچنے کے بارے میں بات کرے گی۔</translation>
    </message>
    <message>
        <source>Something went wrong</source>
        <translation type="unfinished">کچھ غلط ہو گیا</translation>
    </message>
    <message>
        <source>Please ask a nurse. Everything you have confirmed is saved.</source>
        <translation type="unfinished">براہ کرم نرس سے پوچھیں۔ آپ نے جو کچھ بھی تصدیق کی ہے وہ محفوظ ہے۔</translation>
    </message>
    <message>
        <source>Records cannot be saved</source>
        <translation type="unfinished">ریکارڈ محفوظ نہیں کیے جا سکتے</translation>
    </message>
    <message>
        <source>Please ask a nurse. Nurse: stop using the kiosk for discharges. Discharge patients on paper and call IT. Do not delete any file of the kiosk.</source>
        <translation type="unfinished">براہ کرم نرس سے پوچھیں۔ Nurse: stop using the kiosk for discharges. Discharge patients on paper and call IT. Do not delete any file of the kiosk.</translation>
    </message>
    <message>
        <source>I understand</source>
        <translation type="unfinished">میں سمجھ گیا/گئی</translation>
    </message>
    <message>
        <source>Get help if you have any of these</source>
        <translation type="unfinished">اگر آپ کو ان میں سے کچھ بھی ہو تو مدد لیں</translation>
    </message>
    <message>
        <source>Call:</source>
        <translation type="unfinished">فون کریں:</translation>
    </message>
    <message>
        <source>Call one of:</source>
        <translation type="unfinished">ان میں سے کسی ایک کو فون کریں:</translation>
    </message>
    <message>
        <source>↓ Scroll down to read every warning sign. Then you can tap “I understand”.</source>
        <translation type="unfinished">↓ تمام خطرے کی علامات پڑھنے کے لیے نیچے اسکرول کریں۔ پھر آپ “میں سمجھ گیا/گئی” کو چھو سکتے ہیں۔</translation>
    </message>
    <message>
        <source>Get help urgently if</source>
        <translation type="unfinished">فوری طور پر مدد لیں اگر</translation>
    </message>
    <message>
        <source>The nurse has asked you to go through your aftercare on this tablet. Each screen shows one thing. Read it, then touch the big button at the bottom.</source>
        <translation type="unfinished">نرس نے آپ سے کہا ہے کہ اس ٹیبلٹ پر اپنی بعد کی دیکھ بھال کی ہدایات دیکھیں۔ ہر اسکرین ایک بات دکھاتی ہے۔ اسے پڑھیں، پھر نیچے والے بڑے بٹن کو چھوئیں۔</translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished">زبان · Language</translation>
    </message>
    <message>
        <source>Text size</source>
        <translation type="unfinished">متن کا سائز</translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation type="unfinished">زیادہ کنٹراسٹ</translation>
    </message>
    <message>
        <source>Start</source>
        <translation type="unfinished">شروع کریں</translation>
    </message>
    <message>
        <source>Welcome back, {name}</source>
        <translation type="unfinished">دوبارہ خوش آمدید، {name}</translation>
    </message>
    <message>
        <source>Hello, {name}</source>
        <translation type="unfinished">السلام علیکم، {name}</translation>
    </message>
    <message>
        <source>About your {procedure}</source>
        <translation type="unfinished">آپ کے عمل کے بارے میں: {procedure}</translation>
    </message>
    <message>
        <source>This takes about {minutes} minutes.</source>
        <translation type="unfinished">اس میں تقریباً {minutes} منٹ لگتے ہیں۔</translation>
    </message>
    <message>
        <source>This takes a minute.</source>
        <translation type="unfinished">اس میں ایک منٹ لگتا ہے۔</translation>
    </message>
    <message>
        <source>Carry on</source>
        <translation type="unfinished">جاری رکھیں</translation>
    </message>
    <message>
        <source>A nurse is on the way</source>
        <translation type="unfinished">نرس آ رہی ہیں</translation>
    </message>
    <message>
        <source>Please stay where you are. Everything you have done so far is saved, and you will carry on from here.</source>
        <translation type="unfinished">براہ کرم یہیں رہیں۔ آپ کا سب کام محفوظ ہے، اور آپ یہیں سے آگے چلیں گے۔</translation>
    </message>
    <message>
        <source>Nurse: answer this call</source>
        <translation type="unfinished">نرس: اس کال کا جواب دیں</translation>
    </message>
    <message>
        <source>Please type a phone number.</source>
        <translation type="unfinished">براہ کرم فون نمبر لکھیں۔</translation>
    </message>
    <message>
        <source>That phone number contains a hidden character. Please type it again.</source>
        <translation type="unfinished">اس فون نمبر میں ایک چھپا ہوا حرف ہے۔ براہ کرم اسے دوبارہ لکھیں۔</translation>
    </message>
    <message>
        <source>That does not look like a phone number. Please check the digits.</source>
        <translation type="unfinished">یہ فون نمبر نہیں لگتا۔ براہ کرم ہندسے چیک کریں۔</translation>
    </message>
    <message>
        <source>the name</source>
        <translation type="unfinished">نام</translation>
    </message>
    <message>
        <source>Please type the name.</source>
        <translation type="unfinished">براہ کرم نام لکھیں۔</translation>
    </message>
    <message>
        <source>A name needs at least one letter you can see.</source>
        <translation type="unfinished">نام میں کم از کم ایک نظر آنے والا حرف ہونا چاہیے۔</translation>
    </message>
    <message>
        <source>A name cannot contain numbers. Please check it.</source>
        <translation type="unfinished">نام میں ہندسے نہیں ہو سکتے۔ براہ کرم اسے چیک کریں۔</translation>
    </message>
    <message>
        <source>A name cannot contain “{character}”. Please check it.</source>
        <translation type="unfinished">نام میں “{character}” نہیں ہو سکتا۔ براہ کرم اسے چیک کریں۔</translation>
    </message>
    <message>
        <source>who they are to you</source>
        <translation type="unfinished">وہ آپ کے کیا لگتے ہیں</translation>
    </message>
    <message>
        <source>Please say how they know you, for example: wife, son, friend.</source>
        <translation type="unfinished">براہ کرم بتائیں کہ وہ آپ کے کیا لگتے ہیں، مثال کے طور پر: بیوی، بیٹا، دوست۔</translation>
    </message>
    <message>
        <source>Please keep it short (at most {most} characters), for example: wife, son, friend.</source>
        <translation type="unfinished">براہ کرم مختصر لکھیں (زیادہ سے زیادہ {most} حروف)، مثال کے طور پر: بیوی، بیٹا، دوست۔</translation>
    </message>
    <message>
        <source>Please use words, for example: wife, son, friend.</source>
        <translation type="unfinished">براہ کرم الفاظ استعمال کریں، مثال کے طور پر: بیوی، بیٹا، دوست۔</translation>
    </message>
    <message>
        <source>a hidden text-direction mark</source>
        <translation type="unfinished">تحریر کی سمت کا ایک چھپا ہوا نشان</translation>
    </message>
    <message>
        <source>a control character</source>
        <translation type="unfinished">ایک کنٹرول حرف</translation>
    </message>
    <message>
        <source>an invisible character</source>
        <translation type="unfinished">ایک نظر نہ آنے والا حرف</translation>
    </message>
    <message>
        <source>a line break</source>
        <translation type="unfinished">ایک نئی سطر</translation>
    </message>
    <message>
        <source>a private-use character</source>
        <translation type="unfinished">نجی استعمال کا ایک حرف</translation>
    </message>
    <message>
        <source>a character the kiosk cannot show</source>
        <translation type="unfinished">ایک حرف جو کیوسک نہیں دکھا سکتا</translation>
    </message>
    <message>
        <source>There is {problem} in {what}, which cannot be kept. Please type it again without it.</source>
        <translation type="unfinished">{what} میں {problem} ہے، جسے رکھا نہیں جا سکتا۔ براہ کرم اس کے بغیر دوبارہ لکھیں۔</translation>
    </message>
    <message>
        <source>Too long: at most {most} characters, and this has {length}. Please shorten {what}.</source>
        <translation type="unfinished">بہت لمبا: زیادہ سے زیادہ {most} حروف، اور اس میں {length} ہیں۔ براہ کرم {what} مختصر کریں۔</translation>
    </message>
    <message>
        <source>Too long: at most {most} characters ({length} now).</source>
        <translation type="unfinished">بہت لمبا: زیادہ سے زیادہ {most} حروف (اب {length})۔</translation>
    </message>
    <message>
        <source>That is the most this can hold ({most} characters).</source>
        <translation type="unfinished">یہاں اس سے زیادہ نہیں آ سکتا ({most} حروف)۔</translation>
    </message>
    <message>
        <source>what you typed</source>
        <translation type="unfinished">جو آپ نے لکھا</translation>
    </message>
</context>
</TS>
